package io.aoaigw.harness.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A topology of one account and nothing else (no APIM, no service principal, as the pacing benchmarks use) is a load
 * target: the load goes straight to the account. Only reading Resource Manager fails, saying why, rather than the
 * whole target failing on a reader credential that does not exist.
 */
class AccountOnlyTargetTest {
    private static final String PACED = "scenarios/topologies/bench/paced.yaml";

    @Test
    void theEntryIsTheAccountAndArmReadsSayThereIsNoReader() throws Exception {
        HarnessConfig config = new HarnessConfig(key -> Optional.ofNullable(Map.of(HarnessConfig.TOPOLOGY, PACED)
                .get(key)));
        try (ResolvedTarget target = TargetResolver.resolve(config)) {
            assertThat(target.entry().keyHeader()).isEqualTo("api-key");
            assertThat(target.entry().baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(target.admin()).isPresent();

            assertThatThrownBy(() -> target.arm().products()).hasMessageContaining(
                    "the topology declares no service principal, so nothing can sign in to read Resource Manager");
        }
    }
}
