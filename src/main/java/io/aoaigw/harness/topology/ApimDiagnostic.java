package io.aoaigw.harness.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An APIM diagnostic (Microsoft.ApiManagement {@code service/diagnostics}, or {@code apis/{id}/diagnostics} when
 * {@code api} names one): which logger ({@code applicationinsights} or {@code azuremonitor}) gets request logs, and how
 * many body bytes (0–8192) of the client's side ({@code frontend}) and the backend's side it logs. A global one applies
 * to every API; an API's own diagnostic of the same logger overrides it for that API.
 */
public record ApimDiagnostic(String logger, String api, BodyBytes frontend, BodyBytes backend) {
    public static final Set<String> LOGGERS = Set.of("applicationinsights", "azuremonitor");
    /** The most body bytes a diagnostic logs. */
    public static final int MAX_BODY_BYTES = 8192;

    public ApimDiagnostic {
        frontend = Defaults.or(frontend, new BodyBytes(null, null));
        backend = Defaults.or(backend, new BodyBytes(null, null));
    }

    /** Body bytes logged of the request and of the response; 0: none. */
    public record BodyBytes(Integer requestBodyBytes, Integer responseBodyBytes) {
        public BodyBytes {
            requestBodyBytes = Defaults.or(requestBodyBytes, 0);
            responseBodyBytes = Defaults.or(responseBodyBytes, 0);
        }
    }

    /** Logging response bodies makes APIM read the whole response before it passes it on. */
    public boolean logsResponseBodies() {
        return frontend.responseBodyBytes() > 0 || backend.responseBodyBytes() > 0;
    }

    /** The diagnostic's resource name: the logger kind, as Azure names them. */
    public String name() {
        return logger;
    }

    /** The diagnostics in force for one API: per logger, the API's own, else the global one. */
    public static List<ApimDiagnostic> effective(List<ApimDiagnostic> all, String apiId) {
        List<ApimDiagnostic> inForce = new ArrayList<>();
        for (String logger : LOGGERS.stream().sorted().toList()) {
            all.stream().filter(d -> logger.equals(d.logger()) && apiId != null && apiId.equals(d.api())).findFirst()
                    .or(() -> all.stream().filter(d -> logger.equals(d.logger()) && d.api() == null).findFirst())
                    .ifPresent(inForce::add);
        }
        return inForce;
    }
}
