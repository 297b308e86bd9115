package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.monitor.MetricSeries;
import java.time.Clock;
import java.util.Map;

/**
 * The Azure Monitor metrics of an Azure OpenAI account that a load summary compares with its own view (Microsoft's
 * "Monitoring data reference for Azure OpenAI"): {@code AzureOpenAIRequests} by ModelDeploymentName, StatusCode and
 * StreamType, and the token counts {@code ProcessedPromptTokens}, {@code GeneratedTokens} and {@code TokenTransaction}
 * (their sum) by ModelDeploymentName. All are counts, read with the Total aggregation.
 */
public final class AccountMetrics {
    public static final String REQUESTS = "AzureOpenAIRequests";
    public static final String PROMPT_TOKENS = "ProcessedPromptTokens";
    public static final String GENERATED_TOKENS = "GeneratedTokens";
    public static final String TOKENS = "TokenTransaction";

    private final MetricSeries requests;
    private final MetricSeries prompt;
    private final MetricSeries generated;
    private final MetricSeries tokens;

    AccountMetrics(Clock clock) {
        this.requests = new MetricSeries(clock, "Count");
        this.prompt = new MetricSeries(clock, "Count");
        this.generated = new MetricSeries(clock, "Count");
        this.tokens = new MetricSeries(clock, "Count");
    }

    /** One finished exchange; requests that named no deployment (probes, unknown paths) are not counted. */
    void record(RequestRecord r) {
        if (r.deployment() == null) {
            return;
        }
        requests.record(Map.of("ModelDeploymentName", r.deployment(), "StatusCode", String.valueOf(r.status()),
                "StreamType", r.stream() ? "Streaming" : "Non Streaming"), 1);
        Map<String, String> deployment = Map.of("ModelDeploymentName", r.deployment());
        int in = r.promptTokens() == null || r.status() != 200 ? 0 : r.promptTokens();
        int out = r.completionTokens() == null || r.status() != 200 ? 0 : r.completionTokens();
        if (in + out > 0) {
            prompt.record(deployment, in);
            generated.record(deployment, out);
            tokens.record(deployment, in + out);
        }
    }

    public Map<String, MetricSeries> byName() {
        return Map.of(REQUESTS, requests, PROMPT_TOKENS, prompt, GENERATED_TOKENS, generated, TOKENS, tokens);
    }
}
