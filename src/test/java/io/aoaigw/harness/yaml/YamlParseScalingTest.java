package io.aoaigw.harness.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Parse time grows linearly with the input: the time of a 4x input over that of a 1x input, measured in one run on
 * the same machine (a ratio, not a wall-clock figure), must stay well below the 16 a quadratic parser shows. Each
 * input is refused or read — either way its cost must be linear. Inputs stay under {@link YamlGuard#MAX_CHARS}. The
 * fastest of several alternated runs is compared: the one least disturbed by other work on the machine.
 */
class YamlParseScalingTest {
    private static final int UNIT = 120_000;
    /** Linear is 4; quadratic is 16. The bound leaves room for a busy machine without letting a square through. */
    private static final double MAX_RATIO = 8;

    @Test
    void oneLongValueCostsLinearTime() {
        assertLinear(size -> YamlInputBoundsTest.healthy().replace("name: default", "name: " + "y".repeat(size)));
    }

    @Test
    void oneLongCommentCostsLinearTime() {
        assertLinear(size -> YamlInputBoundsTest.healthy() + "# " + "c".repeat(size) + "\n");
    }

    @Test
    void manyOrdinaryLinesCostLinearTime() {
        assertLinear(size -> YamlInputBoundsTest.healthy() + ("# " + "c".repeat(78) + "\n").repeat(size / 81));
    }

    private static void assertLinear(IntFunction<String> input) {
        String small = input.apply(UNIT);
        String large = input.apply(4 * UNIT);
        long smallNanos = Long.MAX_VALUE;
        long largeNanos = Long.MAX_VALUE;
        for (int round = 0; round < 8; round++) { // alternated, so both sizes see the same JIT state and noise
            long s = time(small);
            long l = time(large);
            if (round >= 3) { // the first rounds warm the JIT up
                smallNanos = Math.min(smallNanos, s);
                largeNanos = Math.min(largeNanos, l);
            }
        }
        double ratio = (double) largeNanos / Math.max(1, smallNanos);
        System.out.printf("YAML parse of %d vs %d chars: %.1f ms vs %.1f ms, ratio %.1f%n", small.length(),
                large.length(), smallNanos / 1e6, largeNanos / 1e6, ratio);
        assertThat(ratio).as("time(4x)/time(1x)").isLessThan(MAX_RATIO);
    }

    private static long time(String text) {
        long start = System.nanoTime();
        parse(text);
        return System.nanoTime() - start;
    }

    private static void parse(String text) {
        try {
            TopologyLoader.parse(Path.of("t.yaml"), text);
        } catch (YamlFileException refusedOrRead) {
            // refused (too long a line) or read: either is fine, the time is what is measured
        }
    }
}
