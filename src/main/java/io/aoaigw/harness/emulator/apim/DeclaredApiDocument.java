package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.ApimApi;
import java.util.Collection;
import java.util.Locale;

/**
 * The OpenAPI 3 document APIM exports for an API that was not imported from a spec (the Echo API, an API declared
 * by its operations): title, the gateway URL plus the API suffix as server, one path item per declared operation
 * with a bare 200 answer. What APIM writes beyond that is unconfirmed; the harness reads only servers and paths.
 */
public final class DeclaredApiDocument {
    private DeclaredApiDocument() {
    }

    public static ObjectNode of(ApimApi api, String apiUrl, Collection<ApiOperation> operations) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("openapi", "3.0.1");
        doc.putObject("info").put("title", api.displayName()).put("version", "1.0");
        doc.putArray("servers").addObject().put("url", apiUrl);
        ObjectNode paths = doc.putObject("paths");
        for (ApiOperation op : operations) {
            ObjectNode operation = paths.withObjectProperty(op.urlTemplate())
                    .putObject(op.method().toLowerCase(Locale.ROOT));
            operation.put("operationId", op.operationId());
            operation.putObject("responses").putObject("200").put("description", "");
        }
        return OpenApiExporter.withSubscriptionKey(doc, api);
    }
}
