package io.aoaigw.harness.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a YAML input may be: no duplicated key, no anchor or alias, a bounded regular file with bounded lines. */
class YamlInputBoundsTest {
    private static final Path DEFAULT = Path.of("scenarios/topologies/default.yaml");

    static String healthy() {
        try {
            return Files.readString(DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aDuplicatedKeyIsRefusedAtItsLineNamingTheFirst() {
        String yaml = healthy().replace("  region: eastus\n  sku: Developer\n",
                "  region: eastus\n  sku: Developer\n  region: westus\n");
        int first = lineOf(yaml, "  region: eastus\n  sku");
        int second = lineOf(yaml, "  region: westus");

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessage("t.yaml:" + second + ": apim.region: key given twice in one mapping (first at line "
                        + first + ")");
    }

    @Test
    void aDuplicatedKeyInAFlowMappingOfAListIsRefusedToo() {
        String yaml = healthy().replace("{account: aoai-westeurope, priority: 1, weight: 1000}",
                "{account: aoai-westeurope, priority: 1, weight: 1000, priority: 5}");

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageStartingWith("t.yaml:" + lineOf(yaml, "{account: aoai-westeurope")
                        + ": frontDoor.origins[1].priority: key given twice");
    }

    @Test
    void anAliasIsRefusedNotReadAsText() {
        String yaml = healthy().replace("  region: eastus\n  sku", "  region: &r eastus\n  sku")
                .replace("    region: westeurope\n", "    region: *r\n");

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessage("t.yaml:" + lineOf(yaml, "&r") + ": apim.region: YAML anchor &r is not supported: "
                        + "repeat the block");
        String aliasOnly = healthy().replace("    region: westeurope\n", "    region: *r\n");
        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), aliasOnly))
                .hasMessageStartingWith("t.yaml:" + lineOf(aliasOnly, "*r") + ": accounts[1].region: YAML alias *r");
    }

    @Test
    void aLineLongerThanTheBoundIsRefusedAtItsLine() {
        String yaml = healthy().replace("name: default", "name: " + "d".repeat(YamlGuard.MAX_LINE));

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessage("t.yaml:" + lineOf(yaml, "name: ddd") + ": line is " + (YamlGuard.MAX_LINE + 6)
                        + " characters long; at most " + YamlGuard.MAX_LINE);
    }

    @Test
    void aFileOverTheSizeBoundIsRefusedWithoutReadingItAll(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, healthy() + ("# " + "x".repeat(1000) + "\n").repeat(YamlGuard.MAX_CHARS / 1000));

        assertThatThrownBy(() -> TopologyLoader.load(big))
                .hasMessage(big + ": larger than " + YamlGuard.MAX_CHARS + " bytes");
    }

    @Test
    void aDeviceOrAFolderIsNotARegularFile(@TempDir Path dir) {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));

        assertThatThrownBy(() -> TopologyLoader.load(zero)).hasMessage("/dev/zero: not a regular file");
        assertThatThrownBy(() -> TopologyLoader.load(dir)).hasMessage(dir + ": not a regular file");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // before the fix, reading it blocked
    void aFifoIsRefusedBeforeItIsOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

        // opening a FIFO with no writer would block forever: refusing it must not open it
        assertThatThrownBy(() -> TopologyLoader.load(fifo)).hasMessage(fifo + ": not a regular file");
    }

    @Test
    void theHealthyFilesStillLoad() throws Exception {
        assertThat(TopologyLoader.load(DEFAULT).accounts()).hasSize(3);
    }
}
