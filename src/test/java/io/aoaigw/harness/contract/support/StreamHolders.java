package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.inventory.DiagnosticInfo;
import io.aoaigw.harness.topology.ApimSku;
import io.aoaigw.harness.topology.BufferingPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What in APIM's configuration holds or cuts a stream, read from ARM alone (Microsoft's SSE guidance for APIM): the
 * Consumption tier, a diagnostic in force for the API that logs response bodies, and buffering policies in the API's
 * policy. Each finding is one line naming the setting and the fix.
 */
public final class StreamHolders {
    private StreamHolders() {
    }

    public static List<String> problems(ApimService service, ApiInfo api, List<DiagnosticInfo> diagnostics) {
        List<String> found = new ArrayList<>();
        if (ApimSku.of(service.sku()).filter(s -> !s.longRunningConnections()).isPresent()) {
            found.add("APIM service " + service.name() + " is on the " + service.sku() + " tier, which keeps no "
                    + "long-running connection (streams are cut at its request duration limit): move it to a classic "
                    + "or v2 tier (sku)");
        }
        inForce(diagnostics, api.id()).stream().filter(DiagnosticInfo::logsResponseBodies).forEach(d -> found.add(
                d.where() + " logs response bodies (frontend " + d.frontendResponseBytes() + ", backend "
                        + d.backendResponseBytes() + " bytes), so APIM holds every answer to log it: set its response "
                        + "body bytes to 0 (an API's own diagnostic overrides the one of all APIs)"));
        BufferingPolicies.in(api.policyXml()).forEach(f -> found.add("API " + api.id() + ": " + f.fix()));
        return found;
    }

    /** Per diagnostic name, the API's own, else the one of all APIs (an API-level diagnostic overrides it). */
    static List<DiagnosticInfo> inForce(List<DiagnosticInfo> diagnostics, String apiId) {
        Map<String, DiagnosticInfo> byName = new LinkedHashMap<>();
        diagnostics.stream().filter(d -> d.apiId() == null).forEach(d -> byName.put(d.name(), d));
        diagnostics.stream().filter(d -> apiId != null && apiId.equals(d.apiId())).forEach(d -> byName.put(d.name(), d));
        return List.copyOf(byName.values());
    }
}
