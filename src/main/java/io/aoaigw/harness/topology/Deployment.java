package io.aoaigw.harness.topology;

/**
 * A model deployment. {@code tpm} is the tokens-per-minute quota (requests per minute are 6 per 1,000 TPM unless
 * {@code rpm} is given); {@code completion} bounds the natural answer length of the generated text.
 */
public record Deployment(String id, String model, String version, Kind kind, String sku, Integer tpm, Integer rpm,
                         Integer dimensions, Completion completion, LatencyModel latency) {

    public enum Kind { chat, embeddings }

    public Deployment {
        kind = Defaults.or(kind, model != null && model.contains("embedding") ? Kind.embeddings : Kind.chat);
        sku = Defaults.or(sku, "Standard");
        tpm = Defaults.or(tpm, 30_000);
        rpm = Defaults.or(rpm, Math.max(1, tpm * 6 / 1000));
        dimensions = Defaults.or(dimensions, 1536);
        completion = Defaults.or(completion, new Completion(null, null));
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
