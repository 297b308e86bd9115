package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.ApimApi;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API's OpenAPI document as APIM exports it (ARM {@code GET .../apis/{id}?format=openapi+json&export=true}):
 * the imported spec with {@code servers} replaced by the gateway URL plus the API suffix (no {@code {endpoint}}
 * variable left), only the operations the API exposes, and, when a subscription is required, the subscription key
 * header and query parameter as the security schemes (APIM's {@code apiKeyHeader}/{@code apiKeyQuery}; the scheme
 * names are from memory of APIM exports, unconfirmed). Reused by the ARM emulator.
 */
public final class OpenApiExporter {
    private OpenApiExporter() {
    }

    public static ObjectNode export(JsonNode spec, String apiUrl, Collection<ApiOperation> operations, ApimApi api) {
        ObjectNode doc = spec.deepCopy();
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", apiUrl);
        keepOnly(doc.withObjectProperty("paths"), operations);
        return withSubscriptionKey(doc, api);
    }

    /** The document with the API's subscription key names as its security schemes, when a subscription is required. */
    static ObjectNode withSubscriptionKey(ObjectNode doc, ApimApi api) {
        if (api.subscriptionRequired()) {
            subscriptionKeySecurity(doc, api.subscriptionKey());
        }
        return doc;
    }

    private static void keepOnly(ObjectNode paths, Collection<ApiOperation> operations) {
        Set<String> exposed = operations.stream()
                .map(op -> op.method().toLowerCase(Locale.ROOT) + " " + op.urlTemplate())
                .collect(Collectors.toSet());
        Iterator<Map.Entry<String, JsonNode>> pathIt = paths.properties().iterator();
        while (pathIt.hasNext()) {
            Map.Entry<String, JsonNode> path = pathIt.next();
            ObjectNode item = (ObjectNode) path.getValue();
            item.properties().removeIf(m -> isMethod(m.getKey()) && !exposed.contains(m.getKey() + " " + path.getKey()));
            if (item.properties().stream().noneMatch(m -> isMethod(m.getKey()))) {
                pathIt.remove();
            }
        }
    }

    private static boolean isMethod(String key) {
        return Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key);
    }

    private static void subscriptionKeySecurity(ObjectNode doc, ApimApi.KeyNames names) {
        ObjectNode schemes = doc.withObjectProperty("components").putObject("securitySchemes");
        schemes.putObject("apiKeyHeader").put("type", "apiKey").put("name", names.header()).put("in", "header");
        schemes.putObject("apiKeyQuery").put("type", "apiKey").put("name", names.query()).put("in", "query");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("apiKeyHeader");
        security.addObject().putArray("apiKeyQuery");
    }
}
