package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.topology.ProvisionedThroughput;
import org.junit.jupiter.api.Test;

/**
 * Admission by utilisation of a provisioned deployment (Microsoft's leaky bucket): refused while utilisation is at or
 * above 100 %, estimates corrected to the actual cost, drained at the PTUs' rate. Time is passed in: nothing waits.
 */
class ProvisionedLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = -5 * SECOND; // System.nanoTime may be negative
    /** 50 PTU of gpt-4o: 125,000 input tokens per minute, so 100 % (10 s of drain) is 20,833 tokens. */
    private static final long TPM = ProvisionedThroughput.tokensPerMinute("gpt-4o", 50);

    @Test
    void theTableGivesGpt4oAndItsMiniTheirPublishedInputTokensPerPtu() {
        assertThat(ProvisionedThroughput.tokensPerMinute("gpt-4o", 1)).isEqualTo(2_500);
        assertThat(ProvisionedThroughput.tokensPerMinute("gpt-4o-mini", 1)).isEqualTo(37_000);
        assertThat(ProvisionedThroughput.rateOf("gpt-4o").outputWeight()).isEqualTo(4);
        assertThat(ProvisionedThroughput.rateOf("text-embedding-3-small")).isNull();
        assertThat(ProvisionedThroughput.isProvisioned("GlobalProvisionedManaged")).isTrue();
        assertThat(ProvisionedThroughput.isProvisioned("DataZoneProvisionedManaged")).isTrue();
        assertThat(ProvisionedThroughput.isProvisioned("Standard")).isFalse();
    }

    @Test
    void outputTokensCountAsTheModelsWeightOfInputTokens() {
        assertThat(new ProvisionedLimiter(TPM, 4).cost(1_000, 100)).isEqualTo(1_400);
    }

    @Test
    void requestsAreAdmittedUntilUtilisationReachesAHundredPercentThenRefusedWithTheWaitBelowIt() {
        ProvisionedLimiter limiter = new ProvisionedLimiter(TPM, 4);
        int admitted = 0;
        ProvisionedLimiter.Decision last;
        while ((last = limiter.tryAdmit(T0, 5_000)).admitted()) {
            admitted++;
        }
        assertThat(admitted).as("5,000-token requests into a bucket of 20,833").isEqualTo(5);
        assertThat(last.utilisationPercent()).isCloseTo(120.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(last.header()).isEqualTo("120.0%");
        // 4,167 tokens over 100 % drain at 2,083.3 per second: 2 s, rounded up so a retry then is admitted
        assertThat(last.waitMillis()).isBetween(2_000L, 2_001L);
        assertThat(limiter.tryAdmit(T0 + 1_999 * SECOND / 1_000, 1).admitted()).isFalse();
        assertThat(limiter.tryAdmit(T0 + 2 * SECOND + 1_000_000, 1).admitted()).isTrue();
    }

    @Test
    void utilisationDrainsAtThePtusRateSoTheSustainedRateIsTheirTokensPerMinute() {
        ProvisionedLimiter limiter = new ProvisionedLimiter(TPM, 4);
        long admittedTokens = 0;
        // offered: 1,000-token requests every 100 ms (600,000 per minute) for two minutes
        for (long t = 0; t < 120 * SECOND; t += SECOND / 10) {
            if (limiter.tryAdmit(T0 + t, 1_000).admitted()) {
                admittedTokens += 1_000;
            }
        }
        // two minutes of drain plus the one burst of 100 % (and the request that crossed it)
        assertThat(admittedTokens).isBetween(2 * TPM, 2 * TPM + TPM / 6 + 1_000);
    }

    @Test
    void anEstimateLargerThanTheActualCostIsGivenBackWhenTheRequestEnds() {
        ProvisionedLimiter limiter = new ProvisionedLimiter(TPM, 4);
        long estimate = limiter.cost(1_000, 5_000); // max_tokens 5,000 weighed as output: 21,000
        assertThat(limiter.tryAdmit(T0, estimate).admitted()).isTrue();
        assertThat(limiter.tryAdmit(T0, 1).admitted()).as("the estimate fills the bucket").isFalse();
        limiter.settle(T0, estimate, limiter.cost(1_000, 100));
        assertThat(limiter.utilisation(T0)).isCloseTo(100.0 * 1_400 / (TPM / 6.0),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(limiter.tryAdmit(T0, 1).admitted()).isTrue();
    }

    @Test
    void anActualCostAboveTheEstimateIsAddedToUtilisation() {
        ProvisionedLimiter limiter = new ProvisionedLimiter(TPM, 4);
        limiter.tryAdmit(T0, 1_000);
        limiter.settle(T0, 1_000, 25_000);
        assertThat(limiter.utilisation(T0)).isGreaterThan(100.0);
        assertThat(limiter.tryAdmit(T0, 1).admitted()).isFalse();
    }

    @Test
    void aLimiterWithoutThroughputIsRefused() {
        assertThatThrownBy(() -> new ProvisionedLimiter(0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
