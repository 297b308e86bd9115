package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimDiagnostic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * APIM's diagnostics as Microsoft.ApiManagement 2024-05-01 lists them ({@code service/diagnostics} for all APIs,
 * {@code service/apis/{id}/diagnostics} for one API's own): logger, sampling, and per side (frontend: the client's,
 * backend) the request and response body bytes logged — what tells a reader whether APIM holds a stream to log it.
 */
final class ApimDiagnosticsResources {
    private static final String TYPE = "Microsoft.ApiManagement/service";
    private static final String SERVICE = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement"
            + "/service/{service}";

    private final ApimResources apim;

    ApimDiagnosticsResources(ApimResources apim) {
        this.apim = apim;
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.API_MANAGEMENT;
        routes.get(p, SERVICE + "/diagnostics", (ex, m) -> apim.withService(m, a -> ex.page(list(a, null))))
                .get(p, SERVICE + "/diagnostics/{diagnostic}", (ex, m) -> apim.withService(m, a -> one(a, null, m)))
                .get(p, SERVICE + "/apis/{api}/diagnostics", (ex, m) -> apim.withApi(m, (a, api) ->
                        ex.page(list(a, api.id()))))
                .get(p, SERVICE + "/apis/{api}/diagnostics/{diagnostic}", (ex, m) -> apim.withApi(m, (a, api) ->
                        one(a, api.id(), m)));
    }

    /** The diagnostics defined at one scope: the service's (apiId null) or one API's own. */
    private List<JsonObject> list(Apim a, String apiId) {
        return a.diagnostics().stream().filter(d -> Objects.equals(d.api(), apiId)).map(d -> diagnostic(a, d)).toList();
    }

    private ArmResult one(Apim a, String apiId, Matcher m) {
        return a.diagnostics().stream()
                .filter(d -> Objects.equals(d.api(), apiId) && d.name().equalsIgnoreCase(m.group("diagnostic")))
                .findFirst().map(d -> ArmResult.ok(diagnostic(a, d)))
                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Diagnostic", m.group("diagnostic"))));
    }

    private JsonObject diagnostic(Apim a, ApimDiagnostic d) {
        String parent = apim.serviceId(a) + (d.api() == null ? "" : "/apis/" + d.api());
        JsonObject properties = new JsonObject()
                .put("alwaysLog", "allErrors")
                .put("loggerId", apim.serviceId(a) + "/loggers/" + d.logger())
                .put("sampling", new JsonObject().put("samplingType", "fixed").put("percentage", 100))
                .put("frontend", side(d.frontend()))
                .put("backend", side(d.backend()))
                .put("logClientIp", true)
                .put("verbosity", "information");
        if ("applicationinsights".equals(d.logger())) {
            properties.put("httpCorrelationProtocol", "Legacy");
        }
        return resource(parent + "/diagnostics/" + d.name(), d.name(), TYPE + (d.api() == null ? "" : "/apis")
                + "/diagnostics").put("properties", properties);
    }

    private static JsonObject side(ApimDiagnostic.BodyBytes b) {
        return new JsonObject()
                .put("request", message(b.requestBodyBytes()))
                .put("response", message(b.responseBodyBytes()));
    }

    private static JsonObject message(int bytes) {
        return new JsonObject().put("headers", new JsonArray()).put("body", new JsonObject().put("bytes", bytes));
    }
}
