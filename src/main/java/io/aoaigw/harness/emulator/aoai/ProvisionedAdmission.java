package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;
import java.util.Map;

/**
 * Admission of a request to a provisioned deployment: its estimate joins the utilisation or it is refused with 429;
 * when the exchange ends, the estimate is corrected to the tokens actually generated. Answers carry
 * {@code azure-openai-deployment-utilization} instead of the {@code x-ratelimit-remaining-*} headers.
 */
final class ProvisionedAdmission {
    /** The header Microsoft's benchmarking tool (Azure/azure-openai-benchmark) reads utilisation from. */
    static final String UTILIZATION_HEADER = "azure-openai-deployment-utilization";

    private ProvisionedAdmission() {
    }

    static Map<String, String> admit(ProvisionedLimiter limiter, Exchange ex, long promptTokens, long outputTokens) {
        long estimate = limiter.cost(promptTokens, outputTokens);
        ProvisionedLimiter.Decision decision = limiter.tryAdmit(ex.arrivalNanos, estimate);
        if (!decision.admitted()) {
            throw AzureErrors.utilizationFull(ex.route.operation(), ex.apiVersion, decision.waitMillis(),
                    decision.header()).rejection();
        }
        ex.onFinish(() -> limiter.settle(System.nanoTime(), estimate,
                limiter.cost(promptTokens, ex.completionTokens == null ? 0 : ex.completionTokens)));
        return Map.of(UTILIZATION_HEADER, decision.header());
    }
}
