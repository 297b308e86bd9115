package io.aoaigw.harness.topology;

/**
 * A model deployment. {@code tpm} is the tokens-per-minute quota (requests per minute are 6 per 1,000 TPM unless
 * {@code rpm} is given); {@code completion} bounds the natural answer length of the generated text;
 * {@code contextWindow} (tokens; default per model, see the account emulator's ModelLimits) bounds prompt +
 * {@code max_tokens}; {@code contentFilter} and {@code rateLimit} shape streams and 429s.
 */
public record Deployment(String id, String model, String version, Kind kind, String sku, Integer tpm, Integer rpm,
                         Integer dimensions, Completion completion, LatencyModel latency, Integer contextWindow,
                         ContentFilter contentFilter, RateLimit rateLimit) {

    public enum Kind { chat, embeddings }

    public Deployment {
        kind = Defaults.or(kind, model != null && model.contains("embedding") ? Kind.embeddings : Kind.chat);
        sku = Defaults.or(sku, "Standard");
        tpm = Defaults.or(tpm, 30_000);
        rpm = Defaults.or(rpm, Math.max(1, tpm * 6 / 1000));
        dimensions = Defaults.or(dimensions, 1536);
        completion = Defaults.or(completion, new Completion(null, null));
        contentFilter = Defaults.or(contentFilter, ContentFilter.DEFAULT);
        rateLimit = Defaults.or(rateLimit, RateLimit.DEFAULT);
    }

    /** A deployment with the default context window, content filter and rate-limit model. */
    public Deployment(String id, String model, String version, Kind kind, String sku, Integer tpm, Integer rpm,
                      Integer dimensions, Completion completion, LatencyModel latency) {
        this(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, null, null, null);
    }

    /** The same deployment with another rate-limit model. */
    public Deployment withRateLimit(RateLimit limit) {
        return new Deployment(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, contextWindow,
                contentFilter, limit);
    }

    /** The same deployment with another content filter. */
    public Deployment withContentFilter(ContentFilter filter) {
        return new Deployment(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, contextWindow,
                filter, rateLimit);
    }

    /**
     * The natural answer length range, in tokens: each prompt gets a length inside it, chosen deterministically from
     * the prompt; {@code max_tokens} below that length ends the answer with {@code finish_reason: length}.
     */
    public record Completion(Integer minTokens, Integer maxTokens) {
        public Completion {
            minTokens = Defaults.or(minTokens, 50);
            maxTokens = Defaults.or(maxTokens, Math.max(minTokens, 150));
        }
    }
}
