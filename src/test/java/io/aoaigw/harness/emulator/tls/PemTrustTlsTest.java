package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEM file of the endpoints JSON is all a non-JVM client needs: curl with {@code --cacert}, Node with
 * {@code NODE_EXTRA_CA_CERTS}. Skipped (with the reason) where the tool is not installed.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class PemTrustTlsTest {
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}";

    @Test
    void curlTrustsTheGatewayWithThePemFile(EmbeddedTopology embedded, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed on this machine");
        Endpoints e = embedded.endpoints();
        Path config = dir.resolve("curl.cfg"); // the key goes in a file, never on a command line others can read
        Files.writeString(config, "header = \"api-key: " + e.apim().subscriptions().get(0).primaryKey() + "\"\n");
        Run run = run(dir, List.of("curl", "-sS", "--noproxy", "*", "-o", "/dev/null", "-w", "%{http_code}", "--cacert",
                e.tls().pemFile(), "-K", config.toString(), "-H", "content-type: application/json", "-d", BODY,
                e.apim().gatewayUrl() + CHAT), null);
        assertThat(run.out()).as("curl: %s", run.err()).isEqualTo("200");
    }

    @Test
    void nodeTrustsTheGatewayWithNodeExtraCaCerts(EmbeddedTopology embedded, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("node"), "node is not installed on this machine");
        Endpoints e = embedded.endpoints();
        Path script = dir.resolve("chat.mjs");
        Files.writeString(script, "const r = await fetch(process.env.URL, {method: 'POST', headers: {'api-key': "
                + "process.env.KEY, 'content-type': 'application/json'}, body: process.env.BODY});\n"
                + "console.log(r.status);\n");
        Run run = run(dir, List.of("node", script.toString()), new String[] {
                "NODE_EXTRA_CA_CERTS=" + e.tls().pemFile(), "URL=" + e.apim().gatewayUrl() + CHAT,
                "KEY=" + e.apim().subscriptions().get(0).primaryKey(), "BODY=" + BODY});
        assertThat(run.out().trim()).as("node: %s", run.err()).isEqualTo("200");
    }

    private record Run(String out, String err) {
    }

    private static Run run(Path dir, List<String> command, String[] env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        if (env != null) {
            for (String pair : env) {
                int eq = pair.indexOf('=');
                builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        return new Run(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
