package io.aoaigw.harness.inventory;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GETs of resources no typed client of azure-resourcemanager 2.57.0 covers (API Management children, Cognitive
 * Services deployments), sent through the management SDK's own pipeline so that authentication, retries
 * (RetryPolicy honouring Retry-After) and logging are the SDK's. Lists are walked by azure-core's
 * {@link PagedIterable} along {@code nextLink}. Only GET exists here, by construction.
 */
public final class ArmJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** ARM answered an error; {@link ArmCalls} turns it into an {@link InventoryException}. */
    public static final class ArmCallException extends RuntimeException {
        private final int status;
        private final String code;
        private final String armMessage;

        ArmCallException(int status, String code, String armMessage) {
            super("HTTP " + status + " " + code + ": " + armMessage);
            this.status = status;
            this.code = code;
            this.armMessage = armMessage;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String armMessage() {
            return armMessage;
        }
    }

    private final HttpPipeline pipeline;
    private final String endpoint;

    ArmJson(HttpPipeline pipeline, String resourceManagerEndpoint) {
        this.pipeline = pipeline;
        this.endpoint = resourceManagerEndpoint.endsWith("/")
                ? resourceManagerEndpoint.substring(0, resourceManagerEndpoint.length() - 1) : resourceManagerEndpoint;
    }

    /** GET {@code id}; {@code query} is appended after the api-version (e.g. {@code format=rawxml}). */
    JsonNode get(String id, String apiVersion, String query) {
        return send(url(id, apiVersion) + (query == null ? "" : "&" + query)).body();
    }

    public JsonNode get(String id, String apiVersion) {
        return get(id, apiVersion, null);
    }

    /** Every item of the collection at {@code id}, all pages. */
    public List<JsonNode> list(String id, String apiVersion) {
        PagedIterable<JsonNode> items = new PagedIterable<>(() -> page(url(id, apiVersion)), this::page);
        return items.stream().toList();
    }

    private String url(String id, String apiVersion) {
        return endpoint + id + "?api-version=" + apiVersion;
    }

    private record Answer(HttpRequest request, HttpResponse response, JsonNode body) {
    }

    private PagedResponse<JsonNode> page(String url) {
        Answer answer = send(url);
        List<JsonNode> items = new ArrayList<>();
        answer.body().path("value").forEach(items::add);
        String next = answer.body().path("nextLink").asText("");
        return new PagedResponseBase<Void, JsonNode>(answer.request(), answer.response().getStatusCode(),
                answer.response().getHeaders(), items, next.isEmpty() ? null : next, null);
    }

    private Answer send(String url) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url);
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData().toString();
            JsonNode body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            if (response.getStatusCode() >= 400) {
                JsonNode error = body.path("error");
                throw new ArmCallException(response.getStatusCode(), error.path("code").asText("Unknown"),
                        error.path("message").asText(text));
            }
            return new Answer(request, response, body);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer from " + url, e);
        }
    }
}
