package io.aoaigw.harness.inventory;

import static io.aoaigw.harness.inventory.ApimReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the APIM service's APIs and backend entities over ARM (GETs only, api-version of {@link ApimReader}). */
final class ApimModelReader {
    private final ArmJson arm;
    private final ArmCalls calls;
    private final InventoryTarget target;
    private final String serviceId;

    ApimModelReader(ArmJson arm, ArmCalls calls, InventoryTarget target) {
        this.arm = arm;
        this.calls = calls;
        this.target = target;
        this.serviceId = target.resourceGroupId() + "/providers/Microsoft.ApiManagement/service/"
                + target.apimService();
    }

    List<ApiSummary> apis() {
        return calls.read("APIs of APIM service " + target.apimService(), serviceId + "/apis",
                () -> arm.list(serviceId + "/apis", ApimReader.API_VERSION)).stream()
                .map(api -> {
                    JsonNode p = api.path("properties");
                    return new ApiSummary(api.path("name").asText(), text(p, "displayName"), text(p, "path"),
                            text(p, "serviceUrl"), p.path("subscriptionRequired").asBoolean(true));
                })
                .toList();
    }

    List<BackendInfo> backends() {
        return calls.read("backends of APIM service " + target.apimService(), serviceId + "/backends",
                () -> arm.list(serviceId + "/backends", ApimReader.API_VERSION)).stream()
                .map(ApimModelReader::backend).toList();
    }

    private static BackendInfo backend(JsonNode b) {
        JsonNode p = b.path("properties");
        List<BackendInfo.Member> members = new ArrayList<>();
        p.path("pool").path("services").forEach(m -> members.add(new BackendInfo.Member(
                lastSegment(m.path("id").asText()), m.path("priority").asInt(0), m.path("weight").asInt(0))));
        List<BackendInfo.Rule> rules = new ArrayList<>();
        p.path("circuitBreaker").path("rules").forEach(r -> {
            JsonNode c = r.path("failureCondition");
            List<String> ranges = new ArrayList<>();
            c.path("statusCodeRanges").forEach(range -> ranges.add(range.path("min").asInt() + "-"
                    + range.path("max").asInt()));
            rules.add(new BackendInfo.Rule(text(r, "name"), c.path("count").asInt(), text(c, "interval"),
                    text(r, "tripDuration"), ranges));
        });
        return new BackendInfo(b.path("name").asText(), text(p, "type") == null ? "Single" : text(p, "type"),
                text(p, "url"), members, rules);
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
