package io.aoaigw.harness.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reports show passes through the redactor: key-like values go, ordinary text stays. */
class RedactorTest {
    private final Redactor redactor = Redactor.forEnvironment(Map.of("AOAI_HARNESS_KEY", "literal-key-value-1",
            "PATH", "/usr/bin:/bin", "SHORT_TOKEN", "abc"));

    @Test
    void blanksKeysTokensAndSecretEnvironmentValues() {
        String text = "api-key: abc123 Ocp-Apim-Subscription-Key=\"xyz\" Authorization: Bearer tok.en "
                + "jwt eyJa.eyJb.sig hex 0123456789ABCDEF0123456789abcdef env literal-key-value-1";

        String out = redactor.redact(text);

        assertThat(out).doesNotContain("abc123", "xyz", "tok.en", "eyJa", "0123456789ABCDEF", "literal-key-value-1")
                .contains("api-key: [redacted]", "Ocp-Apim-Subscription-Key=\"[redacted]");
    }

    @Test
    void leavesOrdinaryTextAndNonSecretVariablesAlone() {
        String text = "S7 anonymous call refused with 401 after 12 ms; PATH /usr/bin:/bin; abc";

        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }
}
