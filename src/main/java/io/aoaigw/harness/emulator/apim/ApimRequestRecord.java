package io.aoaigw.harness.emulator.apim;

/**
 * What the gateway did with one request, for the admin API's ground truth. Never holds a key or a token: only where
 * a key was presented ({@code keySource}: {@code header}, {@code query} or null) and whether a bearer token went to
 * the backend. {@code path} has no query string (a key may travel there); {@code backendUrl} likewise (or the
 * backend text that could not be resolved); null when no backend was chosen. {@code forwarded}: a backend answered.
 *
 * @param at          ISO-8601 instant the request arrived
 * @param operationId matched operation, null for 404
 * @param subscription subscription name, null without a key
 * @param product     product context (the key's product, or the open product that admitted a keyless call)
 */
public record ApimRequestRecord(String at, String method, String path, String operationId, String subscription,
                                String product, String keySource, int status, String backendUrl, boolean forwarded,
                                boolean bearerAttached, long durationMillis, Ending outcome) {

    /**
     * How the request ended, in exactly one bucket: answered in full, the client left, the backend broke off, or
     * APIM's own limits (idle timeout, total request duration) cut it — counted with the broken-off answers.
     */
    public enum Ending {
        answered, clientDisconnected, upstreamCancelled, cutByLimit
    }
}
