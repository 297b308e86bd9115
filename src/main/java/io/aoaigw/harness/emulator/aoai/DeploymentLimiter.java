package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.RateLimit;
import java.time.Duration;

/** A deployment's quota: admits a request with its estimated tokens, or says which limit refused it, for how long. */
interface DeploymentLimiter {

    SlidingWindowLimiter.Decision tryAdmit(long nowNanos, long cost);

    /** The limiter the deployment's {@code rateLimit} asks for; {@code defaultWindow} when it names no window. */
    static DeploymentLimiter of(Deployment deployment, Duration defaultWindow) {
        RateLimit limit = deployment.rateLimit();
        if (limit.tokens() == RateLimit.TokenModel.slidingWindow) {
            long window = limit.slidingWindowSeconds() != null
                    ? Duration.ofSeconds(limit.slidingWindowSeconds()).toNanos() : defaultWindow.toNanos();
            return new SlidingWindowLimiter(window, deployment.tpm(), deployment.rpm());
        }
        return new MinuteTokenLimiter(deployment.tpm(), deployment.rpm(),
                Duration.ofSeconds(limit.requestWindowSeconds()).toNanos());
    }
}
