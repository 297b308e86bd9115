package io.aoaigw.harness.emulator.apim.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.UUID;

/**
 * An answer the gateway produces itself (not the backend's), in APIM's shape {@code {"statusCode":…,"message":…}}.
 * The bodies of the documented errors live here so every component answers with the same text.
 */
public record GatewayReply(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public GatewayReply {
        headers = Map.copyOf(headers);
    }

    public static GatewayReply of(int status, String message, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode().put("statusCode", status).put("message", message);
        return new GatewayReply(status, headers, body.toString());
    }

    public static GatewayReply missingKey() {
        return of(401, "Access denied due to missing subscription key. Make sure to include subscription key when"
                + " making requests to an API.", Map.of());
    }

    /** Also APIM's answer for a key of an inactive subscription or of another scope (the message says "active"). */
    public static GatewayReply invalidKey() {
        return of(401, "Access denied due to invalid subscription key. Make sure to provide a valid key for an active"
                + " subscription.", Map.of());
    }

    public static GatewayReply notFound() {
        return of(404, "Resource not found", Map.of());
    }

    /** APIM's generic 500 (backend unreachable, timeout, policy failure) carries an activity id for support. */
    public static GatewayReply internalError() {
        ObjectNode body = JSON.createObjectNode().put("statusCode", 500).put("message", "Internal server error")
                .put("activityId", UUID.randomUUID().toString());
        return new GatewayReply(500, Map.of(), body.toString());
    }

    public void writeTo(HttpServerResponse response) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
