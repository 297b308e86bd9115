package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks APIM's tier, diagnostics and timeouts: what may hold or cut a stream. */
final class ApimTierValidator {
    private final Problems problems = new Problems();

    private ApimTierValidator() {
    }

    static List<Problem> problems(Topology t) {
        ApimTierValidator v = new ApimTierValidator();
        if (t.apim() != null) {
            v.tier(t.apim());
            v.diagnostics(t.apim());
            v.timeouts(t.apim().timeouts());
        }
        return v.problems.list();
    }

    private void tier(Apim apim) {
        problems.check(ApimSku.of(apim.sku()).isPresent(), "apim.sku", "'" + apim.sku() + "' is not an APIM tier ("
                + String.join(", ", Arrays.stream(ApimSku.values()).map(Enum::name).toList()) + ")");
    }

    private void diagnostics(Apim apim) {
        Set<String> apiIds = apiIds(apim);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < apim.diagnostics().size(); i++) {
            ApimDiagnostic d = apim.diagnostics().get(i);
            String p = "apim.diagnostics[" + i + "]";
            if (problems.required(d.logger(), p + ".logger")
                    && problems.check(ApimDiagnostic.LOGGERS.contains(d.logger()), p + ".logger",
                    "must be applicationinsights or azuremonitor")) {
                problems.check(seen.add(d.logger() + "/" + d.api()), p, "a second " + d.logger() + " diagnostic for "
                        + (d.api() == null ? "all APIs" : "API '" + d.api() + "'"));
            }
            if (d.api() != null) {
                problems.check(apiIds.contains(d.api()), p + ".api", "no API with id '" + d.api() + "' (APIs: "
                        + String.join(", ", apiIds) + ")");
            }
            bodyBytes(d.frontend(), p + ".frontend");
            bodyBytes(d.backend(), p + ".backend");
        }
    }

    /** The ids of the service's APIs. */
    private static Set<String> apiIds(Apim apim) {
        return apim.api() == null || apim.api().id() == null ? Set.of() : Set.of(apim.api().id());
    }

    private void bodyBytes(ApimDiagnostic.BodyBytes b, String p) {
        bytes(b.requestBodyBytes(), p + ".requestBodyBytes");
        bytes(b.responseBodyBytes(), p + ".responseBodyBytes");
    }

    private void bytes(int value, String path) {
        problems.check(value >= 0 && value <= ApimDiagnostic.MAX_BODY_BYTES, path,
                "must be 0.." + ApimDiagnostic.MAX_BODY_BYTES + " (APIM logs at most 8192 bytes of a body)");
    }

    private void timeouts(ApimTimeouts t) {
        problems.check(t.idleMs() >= 1, "apim.timeouts.idleMs", "must be >= 1");
        problems.check(t.totalRequestMs() == null || t.totalRequestMs() >= 0, "apim.timeouts.totalRequestMs",
                "must be >= 0 (0: no limit)");
    }
}
