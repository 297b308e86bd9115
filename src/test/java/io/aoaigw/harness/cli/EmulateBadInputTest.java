package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulate} with input it cannot use: one line naming the file, field or setting, exit 2, nothing started. An
 * input wrongly accepted starts the emulator, which runs until stopped: the timeout turns that into a failure.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EmulateBadInputTest {
    @TempDir
    Path dir;

    private static String healthy() throws IOException {
        return Files.readString(Path.of("scenarios/topologies/default.yaml"));
    }

    private Path topology(String yaml) throws IOException {
        return Files.writeString(dir.resolve("t.yaml"), yaml);
    }

    private CliRun emulate(Path topology) {
        return CliRun.of("emulate", "--topology", topology.toString(), "--endpoints-out",
                dir.resolve("out/e.json").toString());
    }

    private static String fixedPort(String yaml, String account, int port) {
        return yaml.replaceFirst("(?m)^  - name: " + account + "\n", "  - name: " + account + "\n    port: " + port
                + "\n");
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aFixedPortInUseNamesTheFieldAndTheComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path t = topology(fixedPort(healthy(), "aoai-westeurope", taken.getLocalPort()));

            emulate(t).isOneLineBadInput(t + ": accounts[1].port: port " + taken.getLocalPort()
                    + " of account aoai-westeurope is already in use");
        }
        assertThat(dir.resolve("out/e.json")).doesNotExist();
    }

    @Test
    void twoAccountsOnOneFixedPortAreRefusedBeforeAnythingStarts() throws IOException {
        String yaml = fixedPort(fixedPort(healthy(), "aoai-eastus", 18447), "aoai-swedencentral", 18447);
        Path t = topology(yaml);

        emulate(t).isOneLineBadInput(t + ":" + lineOf(yaml, "port: 18447\n    region: swedencentral")
                + ": accounts[2].port: port 18447 is also accounts[0].port: each listener needs its own port");
    }

    @Test
    void anEndpointsFileUnderAFileIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun run = CliRun.of("emulate", "--endpoints-out", file.resolve("e.json").toString());

        run.isOneLineBadInputStartingWith("--endpoints-out " + file.resolve("e.json") + ": cannot create the folder "
                + file.toAbsolutePath());
    }

    @Test
    void anEndpointsFileThatIsAFolderIsOneLine() {
        CliRun.of("emulate", "--endpoints-out", dir.toString())
                .isOneLineBadInput("--endpoints-out " + dir + ": is a folder; name a file");
    }

    @Test
    void aDuplicatedKeyOrAnAliasIsOneLineWithFileAndLine() throws IOException {
        String dup = healthy().replace("  sku: Developer\n", "  sku: Developer\n  sku: Premium\n");
        Path t = topology(dup);
        emulate(t).isOneLineBadInput(t + ":" + lineOf(dup, "  sku: Premium")
                + ": apim.sku: key given twice in one mapping (first at line " + lineOf(dup, "  sku: Developer") + ")");

        String alias = healthy().replace("    region: westeurope\n", "    region: *r\n");
        Path a = topology(alias);
        emulate(a).isOneLineBadInput(a + ":" + lineOf(alias, "*r")
                + ": accounts[1].region: YAML alias *r is not supported: repeat the block");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // before the fix, /dev/zero filled memory
    void aDeviceIsNotRead() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        CliRun.of("emulate", "--topology", "/dev/zero").isOneLineBadInput("/dev/zero: not a regular file");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // before the fix, a FIFO blocked forever
    void aFifoIsNotOpened() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        emulate(fifo).isOneLineBadInput(fifo + ": not a regular file");
    }
}
