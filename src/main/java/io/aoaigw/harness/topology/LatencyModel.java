package io.aoaigw.harness.topology;

/**
 * How long an answer takes: time to first token, then one token every {@code interTokenMs}, each delay with a uniform
 * jitter of ± {@code jitterMs}. Embeddings and non-streaming answers arrive after the whole schedule.
 */
public record LatencyModel(Integer timeToFirstTokenMs, Integer interTokenMs, Integer jitterMs) {

    public static final LatencyModel DEFAULT = new LatencyModel(200, 20, 0);

    public LatencyModel {
        timeToFirstTokenMs = Defaults.or(timeToFirstTokenMs, 200);
        interTokenMs = Defaults.or(interTokenMs, 20);
        jitterMs = Defaults.or(jitterMs, 0);
    }
}
