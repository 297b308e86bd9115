package io.aoaigw.harness.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads APIM's diagnostics (Microsoft.ApiManagement {@value ApimReader#API_VERSION}): the service's, which apply to
 * every API, and each named API's own, which override them for that API.
 */
final class DiagnosticsReader {
    private final ArmJson arm;
    private final ArmCalls calls;
    private final String serviceId;

    DiagnosticsReader(ArmJson arm, ArmCalls calls, InventoryTarget target) {
        this.arm = arm;
        this.calls = calls;
        this.serviceId = target.resourceGroupId() + "/providers/Microsoft.ApiManagement/service/"
                + target.apimService();
    }

    /** The service's diagnostics, then those of each API in {@code apiIds}. */
    List<DiagnosticInfo> read(List<String> apiIds) {
        List<DiagnosticInfo> all = new ArrayList<>(read(serviceId + "/diagnostics", null, "diagnostics of the APIM "
                + "service"));
        for (String apiId : apiIds) {
            all.addAll(read(serviceId + "/apis/" + apiId + "/diagnostics", apiId, "diagnostics of API " + apiId));
        }
        return all;
    }

    private List<DiagnosticInfo> read(String id, String apiId, String what) {
        return calls.read(what, id, () -> arm.list(id, ApimReader.API_VERSION)).stream()
                .map(d -> diagnostic(d, apiId)).toList();
    }

    private static DiagnosticInfo diagnostic(JsonNode d, String apiId) {
        JsonNode p = d.path("properties");
        return new DiagnosticInfo(d.path("name").asText(), apiId, ApimReader.text(p, "loggerId"),
                bytes(p, "frontend", "request"), bytes(p, "frontend", "response"), bytes(p, "backend", "request"),
                bytes(p, "backend", "response"));
    }

    private static int bytes(JsonNode properties, String side, String message) {
        return properties.path(side).path(message).path("body").path("bytes").asInt(0);
    }
}
