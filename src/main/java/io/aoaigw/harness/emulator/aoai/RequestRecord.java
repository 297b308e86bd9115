package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.host.EpochMicros;
import java.util.List;

/**
 * Ground truth about one request, as the account saw and answered it (Jackson-serialisable). Times are
 * microseconds since the Unix epoch from {@link EpochMicros} (monotonic, exact differences). Key and token values are
 * never stored: only what kind of credential was accepted and which headers were present.
 *
 * @param requestId                  the {@code x-request-id} / {@code apim-request-id} of the answer
 * @param clientRequestId            the request's {@code x-ms-client-request-id} (the Azure SDKs' correlation id,
 *                                   passed through APIM and Front Door), null when absent; lets a client find the
 *                                   ground truth of its own request
 * @param operation                  {@code ChatCompletions_Create} or {@code Embeddings_Create}; null when the path
 *                                   matched no operation
 * @param deployment                 the deployment id of the path (null when the path matched none)
 * @param apiVersion                 the {@code api-version} query parameter (null when absent)
 * @param stream                     whether the request asked for a stream ({@code "stream": true})
 * @param arrivalEpochMicros         when the request's headers arrived
 * @param status                     the HTTP status answered (0 when the client left before any answer)
 * @param errorCode                  the error body's code for error answers, else null
 * @param authKind                   the accepted credential, or {@code NONE} when authentication failed or did not
 *                                   run
 * @param objectId                   the bearer token's {@code oid} (even when the role check refused it), else null
 * @param carriedApiKey              the request had an {@code api-key} header
 * @param carriedAuthorization       the request had an {@code Authorization} header
 * @param presentHeaders             which of the headers the gateway checks care about were present (lower case):
 *                                   api-key, authorization, ocp-apim-subscription-key, x-ms-client-request-id,
 *                                   x-azure-fdid, x-azure-clientip, x-azure-socketip, x-forwarded-for,
 *                                   x-forwarded-host, x-forwarded-proto, x-fd-healthprobe, via
 * @param promptTokens               prompt (input) tokens, when the request was parsed
 * @param completionTokens           completion tokens written (content frames, or the whole non-streamed answer)
 * @param finishReason               {@code stop} or {@code length} for chat answers that completed, else null
 * @param frameEpochMicros           for streams: when each SSE frame was written, in order (prompt-filter frame, role
 *                                   frame, content frames, finish frame, optional usage frame, {@code [DONE]})
 * @param firstContentFrameEpochMicros for streams: when the first content frame was written (null when none was)
 * @param contentFrameEpochMicros    for streams: when each content frame (one per token) was written
 * @param completedEpochMicros       when the answer ended (last byte written, cut, or client gone)
 * @param outcome                    how the exchange ended
 */
public record RequestRecord(String requestId, String clientRequestId, String operation, String deployment, String apiVersion,
                            boolean stream, long arrivalEpochMicros, int status, String errorCode, AuthKind authKind,
                            String objectId, boolean carriedApiKey, boolean carriedAuthorization,
                            List<String> presentHeaders, Integer promptTokens, Integer completionTokens,
                            String finishReason, long[] frameEpochMicros, Long firstContentFrameEpochMicros,
                            long[] contentFrameEpochMicros, long completedEpochMicros, Outcome outcome) {

    /** A record built by concern (request, answer, credential, tokens, frames) instead of 22 positions. */
    public static Builder builder(String requestId) {
        return new Builder(requestId);
    }

    /** The credential a request was accepted with. */
    public enum AuthKind { NONE, API_KEY, BEARER }

    public enum Outcome {
        /** The whole answer was written. */
        COMPLETED,
        /** The client closed the connection before the answer ended. */
        CLIENT_DISCONNECTED,
        /** The {@code cutAfterFrames} fault reset the connection. */
        CUT
    }

    /** Collects a record's fields by concern; the carried-credential flags follow from the present headers. */
    public static final class Builder {
        private final String requestId;
        private String clientRequestId;
        private String operation;
        private String deployment;
        private String apiVersion;
        private boolean stream;
        private long arrivalEpochMicros;
        private int status;
        private String errorCode;
        private AuthKind authKind = AuthKind.NONE;
        private String objectId;
        private List<String> presentHeaders = List.of();
        private Integer promptTokens;
        private Integer completionTokens;
        private String finishReason;
        private long[] frameEpochMicros;
        private long[] contentFrameEpochMicros;
        private long completedEpochMicros;
        private Outcome outcome;

        private Builder(String requestId) {
            this.requestId = requestId;
        }

        /** What was asked: correlation id, operation and deployment of the path, api-version, stream or not. */
        public Builder request(String clientRequestId, String operation, String deployment, String apiVersion,
                               boolean stream) {
            this.clientRequestId = clientRequestId;
            this.operation = operation;
            this.deployment = deployment;
            this.apiVersion = apiVersion;
            this.stream = stream;
            return this;
        }

        public Builder arrived(long epochMicros) {
            this.arrivalEpochMicros = epochMicros;
            return this;
        }

        public Builder answer(int status, String errorCode) {
            this.status = status;
            this.errorCode = errorCode;
            return this;
        }

        public Builder credential(AuthKind authKind, String objectId, List<String> presentHeaders) {
            this.authKind = authKind;
            this.objectId = objectId;
            this.presentHeaders = presentHeaders;
            return this;
        }

        public Builder tokens(Integer promptTokens, Integer completionTokens, String finishReason) {
            this.promptTokens = promptTokens;
            this.completionTokens = completionTokens;
            this.finishReason = finishReason;
            return this;
        }

        /** For streams: every frame's and every content frame's write time (null when not a stream). */
        public Builder frames(long[] frameEpochMicros, long[] contentFrameEpochMicros) {
            this.frameEpochMicros = frameEpochMicros;
            this.contentFrameEpochMicros = contentFrameEpochMicros;
            return this;
        }

        public Builder completed(long epochMicros, Outcome outcome) {
            this.completedEpochMicros = epochMicros;
            this.outcome = outcome;
            return this;
        }

        public RequestRecord build() {
            Long firstContent = contentFrameEpochMicros != null && contentFrameEpochMicros.length > 0
                    ? contentFrameEpochMicros[0] : null;
            return new RequestRecord(requestId, clientRequestId, operation, deployment, apiVersion, stream,
                    arrivalEpochMicros, status, errorCode, authKind, objectId, presentHeaders.contains("api-key"),
                    presentHeaders.contains("authorization"), presentHeaders, promptTokens, completionTokens,
                    finishReason, frameEpochMicros, firstContent, contentFrameEpochMicros, completedEpochMicros,
                    outcome);
        }
    }
}
