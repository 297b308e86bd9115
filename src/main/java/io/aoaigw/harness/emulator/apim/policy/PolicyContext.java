package io.aoaigw.harness.emulator.apim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one request while policies run (APIM's {@code context}): the request as it will go to the backend,
 * who called (subscription, IP), policy variables, the backend override and the observers of the answer.
 */
public final class PolicyContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String operationId;
    private final String subscriptionId;
    private final String clientIp;
    private final MultiMap requestHeaders;
    private final Buffer requestBody;
    private final Map<String, Object> variables = new HashMap<>();
    private final List<ResponseObserver> observers = new ArrayList<>();
    private final MultiMap responseHeaders = MultiMap.caseInsensitiveMultiMap();
    private final QueryParameters query = new QueryParameters();
    private JsonNode requestJson;
    private String backendBaseUrl;
    private String backendId;

    /**
     * @param subscriptionId the subscription's id, null when the call came in without one (open product)
     * @param requestHeaders the headers that will be forwarded; policies may change them
     */
    public PolicyContext(String operationId, String subscriptionId, String clientIp, MultiMap requestHeaders,
                         Buffer requestBody) {
        this.operationId = operationId;
        this.subscriptionId = subscriptionId;
        this.clientIp = clientIp;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
    }

    public String operationId() {
        return operationId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String clientIp() {
        return clientIp;
    }

    public MultiMap requestHeaders() {
        return requestHeaders;
    }

    /** The query string that will be forwarded; policies may change it. */
    public QueryParameters query() {
        return query;
    }

    public Buffer requestBody() {
        return requestBody;
    }

    /** The request body as JSON, or a missing node when it is not JSON. */
    public JsonNode requestJson() {
        if (requestJson == null) {
            try {
                JsonNode parsed = requestBody.length() == 0 ? null : JSON.readTree(requestBody.getBytes());
                requestJson = parsed == null ? JSON.missingNode() : parsed;
            } catch (IOException e) {
                requestJson = JSON.missingNode();
            }
        }
        return requestJson;
    }

    /** True when the client asked for a streamed answer ({@code "stream": true}). */
    public boolean streaming() {
        return requestJson().path("stream").asBoolean(false);
    }

    public Map<String, Object> variables() {
        return variables;
    }

    /** The {@code set-backend-service} override, or null for the API's {@code serviceUrl}. */
    public String backendBaseUrl() {
        return backendBaseUrl;
    }

    public void backendBaseUrl(String url) {
        this.backendBaseUrl = url;
        this.backendId = null;
    }

    /** The backend entity {@code set-backend-service backend-id} named (the last one set wins), or null. */
    public String backendId() {
        return backendId;
    }

    public void backendId(String id) {
        this.backendId = id;
        this.backendBaseUrl = null;
    }

    public void observe(ResponseObserver observer) {
        observers.add(observer);
    }

    public List<ResponseObserver> observers() {
        return observers;
    }

    /** Headers policies add to the client's answer (outbound {@code set-header}, limit counters). */
    public MultiMap responseHeaders() {
        return responseHeaders;
    }
}
