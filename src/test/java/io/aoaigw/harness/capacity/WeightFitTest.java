package io.aoaigw.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightFitTest {

    @Test
    void weightsProportionalToCapacityFitExactly() {
        WeightFit fit = WeightFit.of(ordered("a", 1000, "b", 500), capacities("a", 200_000, "b", 100_000));

        assertThat(fit.efficiency()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.withinTolerance()).isTrue();
    }

    @Test
    void equalWeightsOverUnequalQuotasCarryTheSmallestQuotaTimesTheOriginCount() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("east", 1000);
        weights.put("west", 1000);
        weights.put("sweden", 1000);
        Map<String, Double> quotas = new LinkedHashMap<>();
        quotas.put("east", 300_000.0);
        quotas.put("west", 100_000.0);
        quotas.put("sweden", 100_000.0);

        WeightFit fit = WeightFit.of(weights, quotas);

        // each origin gets a third; west throttles at 3 × 100k = 300k of the 500k summed quota
        assertThat(fit.efficiency()).isCloseTo(0.6, within(1e-9));
        assertThat(fit.withinTolerance()).isFalse();
        assertThat(fit.suggestedWeights()).containsExactly(Map.entry("east", 1000), Map.entry("west", 333),
                Map.entry("sweden", 333));
        WeightFit suggested = WeightFit.of(fit.suggestedWeights(), quotas);
        assertThat(suggested.withinTolerance()).isTrue();
    }

    @Test
    void aWeightTenPercentOffIsTheEdgeOfTheTolerance() {
        assertThat(WeightFit.of(ordered("a", 1000, "b", 1000), capacities("a", 100_000, "b", 100_000))
                .withinTolerance()).isTrue();
        assertThat(WeightFit.of(ordered("a", 1000, "b", 800), capacities("a", 100_000, "b", 100_000))
                .withinTolerance()).isFalse();
    }

    @Test
    void originsMustMatch() {
        assertThatThrownBy(() -> WeightFit.of(Map.of("a", 1), Map.of("b", 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capacityTakesTheUnitOfItsSku() {
        assertThat(DeploymentCapacity.of("Standard", 100, 100_000)).isEqualTo(
                new DeploymentCapacity("Standard", DeploymentCapacity.Unit.TPM, 100_000));
        assertThat(DeploymentCapacity.of("GlobalStandard", 50, null).amount()).isEqualTo(50_000);
        assertThat(DeploymentCapacity.of("ProvisionedManaged", 100, null)).isEqualTo(
                new DeploymentCapacity("ProvisionedManaged", DeploymentCapacity.Unit.PTU, 100));
        assertThat(DeploymentCapacity.of("GlobalProvisionedManaged", 15, 999).unit())
                .isEqualTo(DeploymentCapacity.Unit.PTU);
        assertThat(DeploymentCapacity.of("Standard", null, null)).isNull();
    }

    private static Map<String, Integer> ordered(String a, int wa, String b, int wb) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(a, wa);
        m.put(b, wb);
        return m;
    }

    private static Map<String, Double> capacities(String a, double ca, String b, double cb) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(a, ca);
        m.put(b, cb);
        return m;
    }
}
