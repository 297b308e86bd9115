package io.aoaigw.harness.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.254", "localhost", "LocalHost", "::1", "[::1]",
            "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"})
    void loopbackHostsAreRecognisedFromTheirText(String host) {
        assertThat(LoopbackGuard.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "128.0.0.1", "127.256.0.1", "127.0.0", "localhost.example.com",
            "127.0.0.1.nip.io", "login.microsoftonline.com", "::2", "0.0.0.0", ""})
    void everyOtherHostIsRefusedWithoutALookup(String host) {
        assertThat(LoopbackGuard.isLoopbackHost(host)).isFalse();
    }

    @Test
    void aMissingHostIsNotLoopback() {
        assertThat(LoopbackGuard.isLoopbackHost(null)).isFalse();
        assertThat(LoopbackGuard.isLoopbackUrl("127.0.0.1:8080")).as("no scheme").isFalse();
        assertThat(LoopbackGuard.isLoopbackUrl("http://127.0.0.1:8080 /x")).as("unparsable").isFalse();
        assertThat(LoopbackGuard.isLoopbackUrl("http://localhost:8080/openai")).isTrue();
        assertThat(LoopbackGuard.isLoopbackUrl("https://aoai.openai.azure.com/openai")).isFalse();
    }

    @Test
    void aRefusalNamesWhoRefusedAndWhereTo() {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(URI.create("http://169.254.169.254/metadata"),
                "the credential"))
                .isInstanceOf(IllegalArgumentException.class).isInstanceOf(LoopbackViolationException.class)
                .hasMessage("the credential refused to send a request to http://169.254.169.254/metadata — only"
                        + " 127.0.0.1, localhost and ::1 may be reached");
    }

    @Test
    void aCallerMayWordItsOwnRefusal() {
        URI off = URI.create("http://example.com:81/admin");

        assertThatThrownBy(() -> LoopbackGuard.requireLoopbackOr(off, "the admin API is on loopback only, not " + off))
                .isInstanceOf(LoopbackViolationException.class)
                .hasMessage("the admin API is on loopback only, not http://example.com:81/admin");
        assertThat(LoopbackGuard.requireLoopbackOr(URI.create("http://[::1]:81/"), "unused"))
                .hasToString("http://[::1]:81/");
    }
}
