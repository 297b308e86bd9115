package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;
import java.util.Map;

/** Charges a request's estimated tokens to its deployment's rate limits, or rejects it with Azure's 429. */
final class Admission {
    private Admission() {
    }

    /**
     * The {@code x-ratelimit-remaining-*} headers of the admitted request (a provisioned deployment's: its
     * utilisation). {@code outputTokens} is the completion part of the estimate.
     */
    static Map<String, String> admit(AccountState state, Exchange ex, Deployment deployment, long promptTokens,
                                     long outputTokens) {
        if (deployment.provisioned()) {
            return ProvisionedAdmission.admit(state.provisioned(deployment), ex, promptTokens, outputTokens);
        }
        long cost = promptTokens + outputTokens;
        SlidingWindowLimiter.Decision decision = state.limiter(deployment).tryAdmit(ex.arrivalNanos, cost);
        if (!decision.admitted()) {
            throw AzureErrors.rateLimited(ex.route.operation(), ex.apiVersion, decision.policy(),
                    decision.waitMillis(), deployment.rateLimit()).rejection();
        }
        return Map.of("x-ratelimit-remaining-requests", String.valueOf(decision.remainingRequests()),
                "x-ratelimit-remaining-tokens", String.valueOf(decision.remainingTokens()));
    }

    /** A request the model refuses: charged like any other, then refused with the remaining-quota headers. */
    static ErrorReply.Rejected chargedThenRejected(AccountState state, Exchange ex, Deployment deployment,
                                                   ErrorReply.Rejected rejected) {
        return rejected.reply().withMoreHeaders(admit(state, ex, deployment, 0, 0)).rejection();
    }
}
