package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answer: status, JSON body, extra headers, and the code recorded in ground truth. Thrown as
 * {@link Rejected} to leave the request pipeline early.
 */
record ErrorReply(int status, String code, String body, Map<String, String> headers) {
    /** Marks an answer of the model service (recorded on its 400s), as opposed to the platform's own errors. */
    static final String MODEL_ERROR_REASON = "ms-azureml-model-error-reason";

    ErrorReply {
        headers = Map.copyOf(headers);
    }

    /** {@code {"error":{"code":…,"message":…}}}, the shape of the account's own errors. */
    static ErrorReply azure(int status, String code, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.putObject("error").put("code", code).put("message", message);
        return new ErrorReply(status, code, error.toString(), Map.of());
    }

    /** {@code {"statusCode":…,"message":…}}, the shape of the platform's token check in front of the account. */
    static ErrorReply platform(int status, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("statusCode", status).put("message", message);
        return new ErrorReply(status, String.valueOf(status), error.toString(), Map.of());
    }

    /**
     * The OpenAI-style validation error the model service answers: message, type, param, code; with the model
     * service's error headers, as recorded.
     */
    static ErrorReply invalidRequest(String message, String param, String code) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.putObject("error").put("message", message).put("type", "invalid_request_error").put("param", param)
                .put("code", code);
        return new ErrorReply(400, code == null ? "invalid_request_error" : code, error.toString(),
                Map.of(MODEL_ERROR_REASON, "model_error", "ms-azureml-model-error-statuscode", "400"));
    }

    ErrorReply withHeaders(Map<String, String> extra) {
        return new ErrorReply(status, code, body, extra);
    }

    ErrorReply withMoreHeaders(Map<String, String> extra) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putAll(extra);
        return new ErrorReply(status, code, body, all);
    }

    Rejected rejection() {
        return new Rejected(this);
    }

    /** Carries an error answer out of a future chain; no stack trace, it is control flow. */
    static final class Rejected extends RuntimeException {
        private final transient ErrorReply reply;

        Rejected(ErrorReply reply) {
            super(reply.code(), null, false, false);
            this.reply = reply;
        }

        ErrorReply reply() {
            return reply;
        }
    }
}
