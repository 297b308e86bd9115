package io.aoaigw.harness.emulator.arm;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request as the routes see it: path, decoded query parameters, and the paging of list answers. Pages are cut
 * by {@code $skiptoken} (an offset, opaque to clients) and linked by an absolute {@code nextLink} that repeats the
 * request's other parameters, as ARM's are.
 */
final class ArmExchange {
    static final String SKIP_TOKEN = "$skiptoken";

    private final String baseUrl;
    private final String path;
    private final MultiMap params;
    private final int pageSize;

    ArmExchange(String baseUrl, String path, MultiMap params, int pageSize) {
        this.baseUrl = baseUrl;
        this.path = path;
        this.params = params;
        this.pageSize = pageSize;
    }

    String path() {
        return path;
    }

    /** e.g. {@code https://127.0.0.1:PORT}: where links to this listener start. */
    String baseUrl() {
        return baseUrl;
    }

    String param(String name) {
        return params.get(name);
    }

    /** One page of {@code items}: {@code {"value": [...], "nextLink": ...}} (no nextLink on the last page). */
    ArmResult page(List<JsonObject> items) {
        int from = offset();
        int to = Math.min(items.size(), from + pageSize);
        JsonObject body = new JsonObject().put("value", new JsonArray(List.copyOf(items.subList(Math.min(from, to), to))));
        if (to < items.size()) {
            body.put("nextLink", linkTo(to));
        }
        return ArmResult.ok(body);
    }

    private int offset() {
        String token = params.get(SKIP_TOKEN);
        try {
            return token == null ? 0 : Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String linkTo(int offset) {
        String query = params.entries().stream()
                .filter(e -> !e.getKey().equals(SKIP_TOKEN))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return baseUrl + path + "?" + (query.isEmpty() ? "" : query + "&") + encode(SKIP_TOKEN) + "=" + offset;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonObject resource(String id, String name, String type) {
        return new JsonObject().put("id", id).put("name", name).put("type", type);
    }
}
