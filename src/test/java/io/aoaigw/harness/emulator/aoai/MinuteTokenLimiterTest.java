package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The token limit of Microsoft's quota page: a running count of estimated tokens per deployment, reset each minute;
 * requests over a 1 s or 10 s window. Time is passed in, so nothing here waits.
 */
class MinuteTokenLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_000 * SECOND;

    @Test
    void aBurstWithinTheMinutesQuotaIsAdmittedWhereTheSlidingSixthWouldRefuseIt() {
        MinuteTokenLimiter perMinute = new MinuteTokenLimiter(6_000, 1_000, 10 * SECOND);
        SlidingWindowLimiter sixth = new SlidingWindowLimiter(10 * SECOND, 6_000, 1_000);
        int admittedPerMinute = 0;
        int admittedSixth = 0;
        for (int i = 0; i < 6; i++) {
            admittedPerMinute += perMinute.tryAdmit(T0 + i, 1_000).admitted() ? 1 : 0;
            admittedSixth += sixth.tryAdmit(T0 + i, 1_000).admitted() ? 1 : 0;
        }
        assertThat(admittedPerMinute).isEqualTo(6);
        assertThat(admittedSixth).isEqualTo(1);
    }

    @Test
    void steadyTrafficIsRefusedOnceTheMinutesCountIsSpentAndAdmittedAgainAtTheReset() {
        MinuteTokenLimiter limiter = new MinuteTokenLimiter(6_000, 1_000, 10 * SECOND);
        for (int i = 0; i < 6; i++) {
            SlidingWindowLimiter.Decision admitted = limiter.tryAdmit(T0 + i * 6 * SECOND, 1_000);
            assertThat(admitted.admitted()).isTrue();
            assertThat(admitted.remainingTokens()).isEqualTo(6_000 - (i + 1) * 1_000L);
        }
        SlidingWindowLimiter.Decision refused = limiter.tryAdmit(T0 + 40 * SECOND, 1_000);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.policy()).isEqualTo(RateLimitPolicy.TOKENS);
        assertThat(refused.waitMillis()).isEqualTo(20_000);
        assertThat(limiter.tryAdmit(T0 + 60 * SECOND, 1_000).admitted()).isTrue();
    }

    @Test
    void requestsAreCountedOverTheirOwnWindow() {
        MinuteTokenLimiter oneSecond = new MinuteTokenLimiter(1_000_000, 600, SECOND);
        int admitted = 0;
        SlidingWindowLimiter.Decision last = null;
        while ((last = oneSecond.tryAdmit(T0 + admitted, 10)).admitted()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(10); // 600 RPM admits about 10 requests in a second
        assertThat(last.policy()).isEqualTo(RateLimitPolicy.REQUESTS);
        assertThat(oneSecond.tryAdmit(T0 + SECOND, 10).admitted()).isTrue();
    }

    @Test
    void aRequestLargerThanTheWholeQuotaIsAdmittedIntoAnEmptyMinute() {
        MinuteTokenLimiter limiter = new MinuteTokenLimiter(1_000, 100, 10 * SECOND);
        assertThat(limiter.tryAdmit(T0, 5_000).admitted()).isTrue();
        assertThat(limiter.tryAdmit(T0 + SECOND, 1).admitted()).isFalse();
    }

    @Test
    void theDeploymentsRateLimitChoosesTheModel() {
        var deployment = TestAccounts.gpt4o(6_000, 1_000, 5, 10);
        assertThat(DeploymentLimiter.of(deployment, Duration.ofSeconds(10))).isInstanceOf(MinuteTokenLimiter.class);
        assertThat(DeploymentLimiter.of(deployment.withRateLimit(RateLimit.slidingWindow(10)),
                Duration.ofSeconds(10))).isInstanceOf(SlidingWindowLimiter.class);
    }
}
