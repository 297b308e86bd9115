package io.aoaigw.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limit a capacity run should find, from the topology: which origins serve, which of their limits binds. */
class BindingLimitTest {
    private static final BindingLimit.Shape SHORT = new BindingLimit.Shape(110, 50);
    private static final BindingLimit.Shape LONG = new BindingLimit.Shape(110, 600);

    @Test
    void onTheDefaultTopologyShortChatsAreBoundByTheThreeAccountsRequestsPerMinute() throws Exception {
        BindingLimit b = BindingLimit.of(load("default.yaml"), "gpt-4o", SHORT, Set.of()).orElseThrow();
        assertThat(b.requestsPerMin()).isCloseTo(1_800, within(0.001));
        assertThat(b.limit()).isEqualTo("rpm");
        assertThat(b.origin()).isEqualTo("aoai-eastus");
        assertThat(b.origins()).hasSize(3).allSatisfy(o -> assertThat(o.share()).isCloseTo(1 / 3.0, within(1e-9)));
    }

    @Test
    void longAnswersAreBoundByTokensChargedAtTheirEstimateNotTheirLength() throws Exception {
        BindingLimit b = BindingLimit.of(load("default.yaml"), "gpt-4o", LONG, Set.of()).orElseThrow();
        // 100,000 TPM / (110 prompt + 600 max_tokens) per account, three accounts
        assertThat(b.requestsPerMin()).isCloseTo(3 * 100_000 / 710.0, within(0.001));
        assertThat(b.limit()).isEqualTo("tpm");
        assertThat(b.origins().get(0).tokensPerRequest()).isEqualTo(710.0);
    }

    @Test
    void unequalQuotasWithWeightsThatFollowThemAddUp() throws Exception {
        BindingLimit b = BindingLimit.of(load("unequal-quotas.yaml"), "gpt-4o", SHORT, Set.of()).orElseThrow();
        assertThat(b.requestsPerMin()).isCloseTo(630, within(0.001));
    }

    @Test
    void equalWeightsOverUnequalQuotasThrottleAtTheSmallestQuotaTimesTheOrigins() throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/unequal-quotas.yaml"))
                .replace("weight: 500}", "weight: 1000}").replace("weight: 250}", "weight: 1000}");
        BindingLimit b = BindingLimit.of(TopologyLoader.parse(Path.of("equal.yaml"), yaml), "gpt-4o", SHORT,
                Set.of()).orElseThrow();
        assertThat(b.requestsPerMin()).isCloseTo(3 * 90, within(0.001));
        assertThat(b.origin()).isEqualTo("aoai-swedencentral");
    }

    @Test
    void anOriginFrontDoorDoesNotUseAddsNothing() throws Exception {
        BindingLimit b = BindingLimit.of(load("default.yaml"), "gpt-4o", SHORT, Set.of("aoai-eastus")).orElseThrow();
        assertThat(b.requestsPerMin()).isCloseTo(1_200, within(0.001));
        assertThat(b.origins()).extracting(BindingLimit.OriginLimit::origin)
                .containsExactly("aoai-westeurope", "aoai-swedencentral");
    }

    @Test
    void aPtuFirstTopologyIsBoundByTheProvisionedUtilisationAloneForFrontDoorDoesNotSpill429s() throws Exception {
        Topology t = load("ptu-spillover.yaml");
        BindingLimit b = BindingLimit.of(t, "gpt-4o", SHORT, Set.of()).orElseThrow();
        // 50 PTU × 2,500 = 125,000 a minute; each chat 110 prompt + 50 output tokens weighing 4 = 310
        assertThat(b.requestsPerMin()).isCloseTo(125_000 / 310.0, within(0.001));
        assertThat(b.limit()).isEqualTo("ptu");
        assertThat(b.priority()).isEqualTo(1);
        assertThat(b.origins()).hasSize(1);
        // the pay-as-you-go priority serves only when the PTU origin is out (its probes fail)
        BindingLimit spill = BindingLimit.of(t, "gpt-4o", SHORT, Set.of("aoai-eastus")).orElseThrow();
        assertThat(spill.priority()).isEqualTo(2);
        assertThat(spill.requestsPerMin()).isCloseTo(1_200, within(0.001));
    }

    @Test
    void aProvisionedDeploymentIsChargedTheAnswersRealLengthOnAverage() throws Exception {
        Topology t = load("ptu-spillover.yaml");
        // answers of 50-150 tokens (uniform) cut at max_tokens 600: 100 on average
        BindingLimit b = BindingLimit.of(t, "gpt-4o", LONG, Set.of()).orElseThrow();
        assertThat(b.origins().get(0).tokensPerRequest()).isCloseTo(110 + 4 * 100.0, within(1e-9));
    }

    @Test
    void anOriginWithoutTheDeploymentCarriesNothingAndNoFrontDoorMeansNoPrediction() throws Exception {
        BindingLimit b = BindingLimit.of(load("default.yaml"), "gpt-5", SHORT, Set.of()).orElseThrow();
        assertThat(b.requestsPerMin()).isZero();
        assertThat(b.limit()).isEqualTo("missing");
        assertThat(BindingLimit.of(load("default.yaml"), "gpt-4o", SHORT, Set.of("aoai-eastus", "aoai-westeurope",
                "aoai-swedencentral"))).isEmpty();
    }

    private static Topology load(String name) throws Exception {
        return TopologyLoader.load(Path.of("scenarios/topologies", name));
    }
}
