package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The limiter on a hand-driven clock: allowances, exact waits, and the policy that refused. */
class SlidingWindowLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 10 * SECOND;

    @Test
    void allowanceIsTheWindowsShareOfThePerMinuteQuota() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW, 60_000, 600);

        assertThat(limiter.tokenAllowance()).isEqualTo(10_000);
        assertThat(limiter.requestAllowance()).isEqualTo(100);
    }

    @Test
    void refusalWaitsExactlyUntilEnoughOfTheWindowHasFreedUp() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW, 60_000, 6_000);
        assertThat(limiter.tryAdmit(0, 4_000).admitted()).isTrue();
        assertThat(limiter.tryAdmit(2 * SECOND, 4_000).admitted()).isTrue();
        assertThat(limiter.tryAdmit(3 * SECOND, 1_000).admitted()).isTrue();

        // 9,000 in the window: 6,000 more fits only once the first two (8,000) have left, at 12 s
        SlidingWindowLimiter.Decision refused = limiter.tryAdmit(5 * SECOND, 6_000);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.policy()).isEqualTo(RateLimitPolicy.TOKENS);
        assertThat(refused.waitNanos()).isEqualTo(7 * SECOND);

        assertThat(limiter.tryAdmit(12 * SECOND - 1, 6_000).admitted()).isFalse();
        assertThat(limiter.tryAdmit(12 * SECOND, 6_000).admitted()).isTrue();
    }

    @Test
    void requestLimitIsReportedAsTheRequestPolicyWithTheOldestRequestsExit() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW, 1_000_000, 12);
        assertThat(limiter.tryAdmit(SECOND, 1).admitted()).isTrue();
        assertThat(limiter.tryAdmit(4 * SECOND, 1).admitted()).isTrue();

        SlidingWindowLimiter.Decision refused = limiter.tryAdmit(6 * SECOND, 1);
        assertThat(refused.policy()).isEqualTo(RateLimitPolicy.REQUESTS);
        assertThat(refused.waitNanos()).isEqualTo(5 * SECOND);
        assertThat(refused.waitMillis()).isEqualTo(5_000);
    }

    @Test
    void requestLargerThanTheWholeAllowanceIsAdmittedIntoAnEmptyWindowOnly() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW, 600, 6_000);

        assertThat(limiter.tryAdmit(0, 500).admitted()).isTrue();
        assertThat(limiter.tryAdmit(SECOND, 500).admitted()).isFalse();
        assertThat(limiter.tryAdmit(WINDOW, 500).admitted()).isTrue();
    }

    @Test
    void remainingHeadersAreThePerMinuteEquivalentOfWhatIsLeftInTheWindow() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW, 60_000, 600);

        SlidingWindowLimiter.Decision admitted = limiter.tryAdmit(0, 1_000);
        assertThat(admitted.remainingTokens()).isEqualTo((10_000 - 1_000) * 6);
        assertThat(admitted.remainingRequests()).isEqualTo((100 - 1) * 6);
    }
}
