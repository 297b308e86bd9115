package io.aoaigw.harness.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.yaml.YamlFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLoaderTest {
    private static final Path EXAMPLE = Path.of("scenarios/targets/example.yaml");

    @Test
    void exampleTargetIsValidAndNamesKeysOnlyByVariable() throws Exception {
        TargetFile target = TargetLoader.load(EXAMPLE);

        assertThat(target.accounts()).hasSize(3);
        assertThat(target.apim().subscriptionKeys()).containsEntry("active", "AOAI_HARNESS_KEY");
        assertThat(target.authentication().credential()).isEqualTo(TargetFile.Authentication.Credential.workloadIdentity);
        assertThat(target.limits().maxRequests()).isPositive();
    }

    @Test
    void aKeyPastedIntoTheFileIsRefusedAtItsLine() {
        String yaml = read().replace("active: AOAI_HARNESS_KEY", "active: 0123456789abcdef0123456789abcdef");

        assertThatThrownBy(() -> TargetLoader.parse(Path.of("t.yaml"), yaml))
                .isInstanceOfSatisfying(YamlFileException.class, e -> {
                    assertThat(e.field()).isEqualTo("apim.subscriptionKeys.active");
                    assertThat(e.problem()).contains("looks like a key");
                    assertThat(e.getMessage()).doesNotContain("0123456789abcdef0123456789abcdef");
                    assertThat(e.line()).isEqualTo(lineOf(yaml, "active: 0123"));
                });
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String yaml = read().replace("  originGroup: aoai-origins            # the origin group over the accounts (step S9)\n",
                "");

        assertThatThrownBy(() -> TargetLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageContaining("t.yaml:").hasMessageContaining("frontDoor.originGroup: required");
    }

    @Test
    void unknownCredentialIsOneClearLine() {
        String yaml = read().replace("credential: workloadIdentity", "credential: defaultAzure");

        assertThatThrownBy(() -> TargetLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageContaining("authentication.credential")
                .hasMessageContaining("workloadIdentity, azureCli, environment, managedIdentity");
    }

    @Test
    void keysComeFromTheEnvironmentAndAMissingVariableIsNamed() throws Exception {
        TargetFile target = TargetLoader.load(EXAMPLE);

        assertThat(TargetKeys.resolve(target, Map.of("AOAI_HARNESS_KEY", "k1", "AOAI_HARNESS_SUSPENDED_KEY", "k2")::get))
                .containsEntry("active", "k1").containsEntry("suspended", "k2");
        assertThatThrownBy(() -> TargetKeys.resolve(target, Map.of("AOAI_HARNESS_KEY", "k1")::get))
                .hasMessage("environment variable AOAI_HARNESS_SUSPENDED_KEY (apim.subscriptionKeys.suspended of "
                        + "target contoso-prod) is not set");
    }

    @Test
    void theGatewayDefaultsToTheServiceHostAndPlainHttpIsRefusedOffLoopback() throws Exception {
        assertThat(TargetLoader.load(EXAMPLE).apim().gateway()).isEqualTo("https://apim-contoso.azure-api.net");
        assertThat(TargetLoader.load(EXAMPLE).apim().keyHeader()).isEqualTo("api-key");
        String custom = read().replace("  apiId: azure-openai",
                "  gatewayUrl: https://ai.contoso.com/\n  apiId: azure-openai");
        assertThat(TargetLoader.parse(Path.of("t.yaml"), custom).apim().gateway()).isEqualTo("https://ai.contoso.com");

        String plain = read().replace("  apiId: azure-openai",
                "  gatewayUrl: http://ai.contoso.com\n  apiId: azure-openai");
        assertThatThrownBy(() -> TargetLoader.parse(Path.of("t.yaml"), plain))
                .hasMessageContaining("apim.gatewayUrl: must be an https:// URL");
    }

    @Test
    void aSecretsFileFillsWhatTheEnvironmentLacksAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
        String variable = "HARNESS_TEST_ONLY_" + Long.toHexString(System.nanoTime()).toUpperCase();
        Path secrets = Files.writeString(dir.resolve("secrets.env"), variable + "=from-the-file\n");

        assertThat(TargetKeys.environment(secrets).apply(variable)).isEqualTo("from-the-file");
        assertThatThrownBy(() -> TargetKeys.environment(dir.resolve("absent.env")))
                .hasMessageStartingWith("cannot read the secrets file " + dir.resolve("absent.env"));
    }

    private static String read() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
