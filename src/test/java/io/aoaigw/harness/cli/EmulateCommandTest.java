package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.testsupport.TrustedClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulateCommandTest {

    @Test
    void badTopologyIsOneLineNamingFileLineAndFieldWithExitCode2(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Path.of("scenarios/topologies/default.yaml"))
                .replaceFirst("tpm: 100000", "tpm: -5"));

        Run run = runInProcess("emulate", "--topology", broken.toString(),
                "--endpoints-out", dir.resolve("e.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + broken + ":")
                .contains("accounts[0].deployments[0].tpm: must be > 0")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("e.json")).doesNotExist();
    }

    @Test
    void missingTopologyFileIsExitCode2() {
        Run run = runInProcess("emulate", "--topology", "scenarios/topologies/nope.yaml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: scenarios/topologies/nope.yaml: no such file");
    }

    @Test
    void checkTargetTakesKeysTheEnvironmentLacksFromASecretsFile(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AOAI_HARNESS_KEY") == null);
        Path secrets = Files.writeString(dir.resolve("secrets.env"),
                "AOAI_HARNESS_KEY=k1\nAOAI_HARNESS_SUSPENDED_KEY=k2\n");

        Run ok = runInProcess("check-target", "--secrets", secrets.toString(), "scenarios/targets/example.yaml");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("key variables set").doesNotContain("k1");

        Run absent = runInProcess("check-target", "--secrets", dir.resolve("absent.env").toString(),
                "scenarios/targets/example.yaml");
        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err().strip()).startsWith("error: scenarios/targets/example.yaml: cannot read the secrets "
                + "file " + dir.resolve("absent.env"));
    }

    @Test
    void checkTargetNamesTheUnsetKeyVariableWithExitCode2() {
        Run ok = runInProcess("check-target", "--skip-keys", "scenarios/targets/example.yaml");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("target contoso-prod").contains("3 accounts");

        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AOAI_HARNESS_KEY") == null);
        Run missing = runInProcess("check-target", "scenarios/targets/example.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("error: scenarios/targets/example.yaml: environment variable "
                + "AOAI_HARNESS_KEY (apim.subscriptionKeys.active of target contoso-prod) is not set");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(runInProcess("--help").out()).contains("emulate").contains("check-target");
        assertThat(runInProcess("check-target", "--help").exit()).isZero();
        Run help = runInProcess("emulate", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--topology").contains("--endpoints-out");
    }

    @Test
    void emulateWritesEndpointsThatAnswerAndCleansUpOnSigterm(@TempDir Path dir) throws Exception {
        Path endpoints = dir.resolve("endpoints.json");
        Process emulator = new ProcessBuilder(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emulate", "--endpoints-out", endpoints.toString()))
                .redirectErrorStream(false).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            awaitFile(endpoints, emulator);
            JsonNode json = new ObjectMapper().readTree(endpoints.toFile());
            assertThat(json.at("/accounts")).hasSize(3);
            assertThat(Path.of(json.at("/tls/trustStore").asText())).exists();
            assertThat(json.at("/identity/authorityHost").asText()).startsWith("https://127.0.0.1:");
            assertThat(json.at("/arm/endpoint").asText()).startsWith("https://127.0.0.1:");
            assertThat(json.at("/apim/gatewayUrl").asText()).startsWith("https://127.0.0.1:");
            assertThat(json.at("/frontDoor/endpointUrl").asText()).startsWith("https://127.0.0.1:");
            assertThat(json.at("/accounts/0/endpoint").asText()).startsWith("https://127.0.0.1:");
            assertThat(Files.readString(Path.of(json.at("/tls/pemFile").asText())))
                    .startsWith("-----BEGIN CERTIFICATE-----");
            // another process trusts the run through the endpoints JSON alone
            Endpoints written = EndpointsFile.read(endpoints);
            HttpResponse<String> chat = TrustedClients.jdk(TrustMaterial.load(written.tls())).send(
                    HttpRequest.newBuilder(URI.create(written.accounts().get(0).endpoint()
                            + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
                            .header("api-key", written.accounts().get(0).apiKey())
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);

            HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(json.at("/admin/url").asText() + "/admin/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).contains("aoai-eastus").contains("aoai-westeurope");

            String stdout = Files.readString(dir.resolve("out.txt"));
            assertThat(stdout).contains("\"accounts\"")
                    .doesNotContain(json.at("/accounts/0/apiKey").asText())
                    .doesNotContain(json.at("/identity/clientSecret").asText());
        } finally {
            emulator.destroy(); // SIGTERM
        }
        assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("emulator stopped");
        assertThat(endpoints).doesNotExist();
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("emulator exited before writing %s", file).isTrue();
            assertThat(System.nanoTime()).as("endpoints file within 60 s").isLessThan(deadline);
            process.onExit().completeOnTimeout(process, 50, TimeUnit.MILLISECONDS).join();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run runInProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
