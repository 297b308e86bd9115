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
