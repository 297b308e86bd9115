package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code check-target} refuses keys where they do not belong and limits that bound nothing: one line, exit 2. */
class CheckTargetBadInputTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    @TempDir
    Path dir;

    private Path target(String from, String to) throws IOException {
        String yaml = Files.readString(Path.of("scenarios/targets/example.yaml"));
        assertThat(yaml).contains(from);
        return Files.writeString(dir.resolve("target.yaml"), yaml.replace(from, to));
    }

    private static int lineOf(Path file, String needle) throws IOException {
        String text = Files.readString(file);
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://apim-contoso.azure-api.net?subscription-key=" + SECRET,
            "https://user:" + SECRET + "@apim-contoso.azure-api.net", "https://apim-contoso.azure-api.net/#" + SECRET})
    void aKeyInsideTheGatewayUrlIsRefusedWithoutEchoingIt(String url) throws IOException {
        Path t = target("  # gatewayUrl: https://ai.contoso.com", "  gatewayUrl: \"" + url + "\"");

        CliRun run = CliRun.of("check-target", "--skip-keys", t.toString());

        run.isOneLineBadInput(t + ":" + lineOf(t, "gatewayUrl") + ": apim.gatewayUrl: must not carry user info, a "
                + "query or a fragment (a key goes in an environment variable named under apim.subscriptionKeys)");
        assertThat(run.err() + run.out()).doesNotContain(SECRET);
    }

    @Test
    void unboundedLimitsAreRefused() throws IOException {
        Path requests = target("maxRequests: 200", "maxRequests: 2147483647");
        CliRun.of("check-target", "--skip-keys", requests.toString()).isOneLineBadInput(requests + ":"
                + lineOf(requests, "maxRequests") + ": limits.maxRequests: must be 1..100000");

        Path duration = target("maxDurationSeconds: 300", "maxDurationSeconds: 2147483647");
        CliRun.of("check-target", "--skip-keys", duration.toString()).isOneLineBadInput(duration + ":"
                + lineOf(duration, "maxDurationSeconds") + ": limits.maxDurationSeconds: must be 1..14400");
    }

    @Test
    void aSecretsLineThatIsNotVariableEqualsValueIsRefusedByLineNumberOnly() throws IOException {
        Path secrets = Files.writeString(dir.resolve("secrets.env"),
                "# keys\nAOAI_HARNESS_SUSPENDED_KEY=k2\nAOAI_HARNESS_KEY " + SECRET + "\n");

        CliRun run = CliRun.of("check-target", "--secrets", secrets.toString(), "scenarios/targets/example.yaml");

        run.isOneLineBadInput("scenarios/targets/example.yaml: secrets file " + secrets + " line 3: expected "
                + "VARIABLE=value (the line is not shown: it may hold a key)");
        assertThat(run.err()).doesNotContain(SECRET);
    }

    @Test
    void aSecretsFileThatIsADeviceIsRefused() {
        CliRun.of("check-target", "--secrets", "/dev/zero", "scenarios/targets/example.yaml").isOneLineBadInput(
                "scenarios/targets/example.yaml: cannot read the secrets file /dev/zero: not a regular file");
    }

    @Test
    void exportLinesCommentsAndBlankLinesAreFine() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AOAI_HARNESS_KEY") == null);
        Path secrets = Files.writeString(dir.resolve("secrets.env"),
                "# keys\n\nexport AOAI_HARNESS_KEY=k1\nAOAI_HARNESS_SUSPENDED_KEY=k2\n");

        CliRun run = CliRun.of("check-target", "--secrets", secrets.toString(), "scenarios/targets/example.yaml");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("key variables set");
    }
}
