package io.aoaigw.harness.topology;

/**
 * Where APIM cuts a connection: {@code idleMs} with no byte sent (the 4-minute idle timeout of the Azure Load Balancer
 * in front of APIM, Microsoft's SSE guidance) and {@code totalRequestMs} for a whole request (null: the tier's cap,
 * 30 s on Consumption, none elsewhere; 0: none). Shorter values let tests reach them.
 */
public record ApimTimeouts(Integer idleMs, Integer totalRequestMs) {
    public static final int LOAD_BALANCER_IDLE_MS = 240_000;

    public ApimTimeouts {
        idleMs = Defaults.or(idleMs, LOAD_BALANCER_IDLE_MS);
    }
}
