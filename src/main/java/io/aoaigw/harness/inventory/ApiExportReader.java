package io.aoaigw.harness.inventory;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the API's export (S2): {@code GET …/apis/{id}?export=true&format=openapi+json-link} through ARM, then the
 * link it names with a plain GET and no credential — the link is a short-lived SAS URL of APIM's storage, and the ARM
 * token must not travel to another host.
 */
final class ApiExportReader {
    static final String FORMAT = "openapi+json-link";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArmJson arm;
    private final ArmCalls calls;
    private final HttpClient http;

    ApiExportReader(ArmJson arm, ArmCalls calls, HttpClient http) {
        this.arm = arm;
        this.calls = calls;
        this.http = http;
    }

    ApiExport read(InventoryTarget target) {
        String apiId = target.resourceGroupId() + "/providers/Microsoft.ApiManagement/service/" + target.apimService()
                + "/apis/" + target.apiId();
        String what = "export of API " + target.apiId() + " of APIM service " + target.apimService();
        JsonNode answer = calls.read(what, apiId, () -> arm.get(apiId, ApimReader.API_VERSION,
                "export=true&format=openapi%2Bjson-link"));
        String link = answer.path("value").path("link").asText("");
        if (link.isEmpty()) {
            throw new InventoryException(what + " named no link (" + answer.path("format").asText("no format")
                    + ")", 0, null);
        }
        try (HttpResponse response = http.sendSync(new HttpRequest(HttpMethod.GET, link), Context.NONE)) {
            String body = response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() != 200) {
                throw new InventoryException(what + ": its link answered HTTP " + response.getStatusCode()
                        + " (links last five minutes)", response.getStatusCode(), null);
            }
            return new ApiExport(FORMAT, link, JSON.readTree(body));
        } catch (IOException e) {
            throw new InventoryException(what + ": the exported document is not JSON (" + e.getMessage() + ")", 0, e);
        }
    }
}
