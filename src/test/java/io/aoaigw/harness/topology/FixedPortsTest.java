package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Two listeners of one topology on the same fixed port are refused at validation, naming both. */
class FixedPortsTest {
    private static String withPort(String yaml, String account, int port) {
        return yaml.replaceFirst("(?m)^  - name: " + account + "\n", "  - name: " + account + "\n    port: " + port
                + "\n");
    }

    @Test
    void twoAccountsOnOnePortAreRefusedNamingBoth() throws Exception {
        String yaml = withPort(withPort(Files.readString(Path.of("scenarios/topologies/default.yaml")),
                "aoai-eastus", 18443), "aoai-westeurope", 18443);

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageMatching("t\\.yaml:\\d+: accounts\\[1]\\.port: port 18443 is also accounts\\[0]\\.port: "
                        + "each listener needs its own port");
    }

    @Test
    void anAccountAndTheGatewayOnOnePortAreRefusedToo() throws Exception {
        String yaml = withPort(Files.readString(Path.of("scenarios/topologies/default.yaml")), "aoai-eastus", 18444)
                .replace("  sku: Developer\n", "  sku: Developer\n  port: 18444\n");

        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageContaining("apim.port: port 18444 is also accounts[0].port");
    }

    @Test
    void distinctFixedPortsAndEphemeralOnesAreFine() throws Exception {
        String yaml = withPort(withPort(Files.readString(Path.of("scenarios/topologies/default.yaml")),
                "aoai-eastus", 18445), "aoai-westeurope", 18446);

        assertThat(TopologyLoader.parse(Path.of("t.yaml"), yaml).accounts()).extracting(Account::port)
                .containsExactly(18445, 18446, 0);
    }
}
