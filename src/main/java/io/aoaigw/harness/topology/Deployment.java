package io.aoaigw.harness.topology;

/**
 * A model deployment. {@code tpm} is the tokens-per-minute quota (requests per minute are 6 per 1,000 TPM unless
 * {@code rpm} is given); {@code completion} bounds the natural answer length of the generated text;
 * {@code contextWindow} (tokens; default per model, see the account emulator's ModelLimits) bounds prompt +
 * {@code max_tokens}; {@code contentFilter} and {@code rateLimit} shape streams and 429s. A provisioned {@code sku}
 * (ProvisionedManaged, GlobalProvisionedManaged, DataZoneProvisionedManaged) admits by utilisation of its {@code ptu}
 * units instead (see {@link ProvisionedThroughput}); its {@code tpm} defaults to what the PTUs drain per minute.
 */
public record Deployment(String id, String model, String version, Kind kind, String sku, Integer tpm, Integer rpm,
                         Integer dimensions, Completion completion, LatencyModel latency, Integer contextWindow,
                         ContentFilter contentFilter, RateLimit rateLimit, Integer ptu) {

    public enum Kind { chat, embeddings }

    public Deployment {
        kind = Defaults.or(kind, model != null && model.contains("embedding") ? Kind.embeddings : Kind.chat);
        sku = Defaults.or(sku, "Standard");
        tpm = Defaults.or(tpm, ProvisionedThroughput.isProvisioned(sku) && ptu != null && ptu > 0
                && ProvisionedThroughput.rateOf(model) != null
                ? (int) ProvisionedThroughput.tokensPerMinute(model, ptu) : 30_000);
        rpm = Defaults.or(rpm, Math.max(1, tpm * 6 / 1000));
        dimensions = Defaults.or(dimensions, 1536);
        completion = Defaults.or(completion, new Completion(null, null));
        contentFilter = Defaults.or(contentFilter, ContentFilter.DEFAULT);
        rateLimit = Defaults.or(rateLimit, RateLimit.DEFAULT);
    }

    /** A deployment with the default context window, content filter and rate-limit model. */
    public Deployment(String id, String model, String version, Kind kind, String sku, Integer tpm, Integer rpm,
                      Integer dimensions, Completion completion, LatencyModel latency) {
        this(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, null, null, null, null);
    }

    /** Whether the deployment admits by PTU utilisation rather than a per-minute token count. */
    public boolean provisioned() {
        return ProvisionedThroughput.isProvisioned(sku);
    }

    /** The same deployment with another rate-limit model. */
    public Deployment withRateLimit(RateLimit limit) {
        return new Deployment(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, contextWindow,
                contentFilter, limit, ptu);
    }

    /** The same deployment sold as {@code ptu} provisioned units of {@code sku} (its TPM follows from them). */
    public Deployment withProvisioning(String provisionedSku, int units) {
        return new Deployment(id, model, version, kind, provisionedSku, null, null, dimensions, completion, latency,
                contextWindow, contentFilter, rateLimit, units);
    }

    /** The same deployment with another content filter. */
    public Deployment withContentFilter(ContentFilter filter) {
        return new Deployment(id, model, version, kind, sku, tpm, rpm, dimensions, completion, latency, contextWindow,
                filter, rateLimit, ptu);
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
