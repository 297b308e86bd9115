package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one origin-share oracle S9 and the load summary share: shares by weight and the binomial tolerance. */
class OriginSharesTest {
    private record Origin(String name, String account, int weight) {
    }

    @Test
    void sharesFollowWeightsAndMergeOriginsOfOneAccount() {
        List<Origin> origins = List.of(new Origin("o1", "a", 1), new Origin("o2", "a", 1), new Origin("o3", "b", 2));

        Map<String, Double> shares = OriginShares.byWeight(origins, Origin::weight, Origin::account);

        assertThat(shares).containsOnlyKeys("a", "b");
        assertThat(shares.get("a")).isCloseTo(0.5, within(1e-9));
        assertThat(shares.get("b")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void toleranceIsFourSigmaPlusOneAndNothingForAZeroShare() {
        assertThat(OriginShares.tolerance(100, 0.5, 4)).isCloseTo(4 * 5 + 1, within(1e-9));
        assertThat(OriginShares.tolerance(100, 0, 4)).isZero();
    }
}
