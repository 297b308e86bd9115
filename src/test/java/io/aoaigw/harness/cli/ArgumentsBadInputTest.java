package io.aoaigw.harness.cli;

import org.junit.jupiter.api.Test;

/** Arguments the launcher cannot parse: one line pointing at --help, exit 2 (not the whole usage text). */
class ArgumentsBadInputTest {

    @Test
    void anUnknownOptionIsOneLine() {
        CliRun.of("emulate", "--topolgy", "x.yaml")
                .isOneLineBadInput("Unknown options: '--topolgy', 'x.yaml' (see aoai-gateway-harness emulate --help)");
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        CliRun.of("merge", "a.json").isOneLineBadInput("Missing required option: '--out=FILE' "
                + "(see aoai-gateway-harness merge --help)");
    }

    @Test
    void anUnknownCommandIsOneLine() {
        CliRun.of("emulat").isOneLineBadInputStartingWith("Unmatched argument at index 0: 'emulat'");
    }
}
