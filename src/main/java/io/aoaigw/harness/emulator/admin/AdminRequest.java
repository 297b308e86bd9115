package io.aoaigw.harness.emulator.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.Map;

/** What an admin task sees of a request: path parameters, query parameters and the JSON body. */
public final class AdminRequest {
    private final HttpServerRequest request;
    private final Map<String, String> params;
    private final Buffer body;
    private final ObjectMapper json;

    AdminRequest(HttpServerRequest request, Map<String, String> params, Buffer body, ObjectMapper json) {
        this.request = request;
        this.params = params;
        this.body = body;
        this.json = json;
    }

    public String param(String name) {
        return params.get(name);
    }

    public String query(String name, String fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : value;
    }

    public int queryInt(String name, int fallback) {
        String value = request.getParam(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AdminError(400, "query parameter '" + name + "' must be an integer, not '" + value + "'");
        }
    }

    public <T> T body(Class<T> type) {
        return body(type, false);
    }

    /** The body with unknown fields refused, as the topology file refuses them (a typo must not pass silently). */
    public <T> T strictBody(Class<T> type) {
        return body(type, true);
    }

    private <T> T body(Class<T> type, boolean strict) {
        try {
            ObjectReader reader = json.readerFor(type);
            return (strict ? reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) : reader)
                    .readValue(body.getBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AdminError(400, "body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AdminError(400, "unreadable body: " + e.getMessage());
        }
    }
}
