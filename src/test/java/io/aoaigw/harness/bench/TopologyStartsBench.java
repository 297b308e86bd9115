package io.aoaigw.harness.bench;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detection matrix and CI pay per topology: each file given is started in this one JVM (every listener up
 * and the tokenizers loaded, as a contract run waits for) and closed again, in order, and every start is timed. The
 * first start carries the JVM's class loading; the rest show what one more topology costs a warm JVM. Not a test:
 * <pre>{@code
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.aoaigw.harness.bench.TopologyStartsBench \
 *     scenarios/topologies/default.yaml scenarios/topologies/broken/*.yaml
 * }</pre>
 */
public final class TopologyStartsBench {
    private TopologyStartsBench() {
    }

    public static void main(String[] files) throws Exception {
        Path work = Files.createTempDirectory("topology-starts");
        List<Long> warm = new ArrayList<>();
        long first = -1;
        long all = System.nanoTime();
        for (String file : files) {
            long started = System.nanoTime();
            try (EmbeddedTopology topology = EmbeddedTopology.start(TopologyLoader.load(Path.of(file)), work)) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("%-70s %6d ms%n", file, ms);
                if (first < 0) {
                    first = ms;
                } else {
                    warm.add(ms);
                }
            }
        }
        warm.sort(null);
        System.out.printf("topologies %d, all %d ms; first (cold JVM) %d ms; the others: median %d ms, min %d, max %d,"
                        + " sum %d ms%n", files.length, (System.nanoTime() - all) / 1_000_000, first,
                warm.isEmpty() ? 0 : warm.get(warm.size() / 2), warm.isEmpty() ? 0 : warm.get(0),
                warm.isEmpty() ? 0 : warm.get(warm.size() - 1), warm.stream().mapToLong(Long::longValue).sum());
    }
}
