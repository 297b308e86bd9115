package io.aoaigw.harness.spec.arm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What the walk adds to a GET beyond api-version. */
final class ArmSpecQueries {
    private ArmSpecQueries() {
    }

    /**
     * For the emulated topology: the export format the inventory reads (S2); for Azure Monitor's metrics, one metric
     * the resource records, split by a dimension (those {@code ArmEmulatorExtension.withRecordedMetrics} feeds), and
     * no metrics read of other resources.
     */
    static ArmSpecWalk.Queries emulated() {
        return (operation, resource) -> switch (operation.operationId()) {
            case "ApiExport_Get" -> Optional.of("format=" + encode("openapi+json-link"));
            case "Metrics_List" -> metric(resource);
            default -> Optional.of("");
        };
    }

    private static Optional<String> metric(String resource) {
        String type = resource.toLowerCase(Locale.ROOT).replaceAll(".*/providers/", "").replaceAll("/[^/]+$", "");
        return switch (type) {
            case "microsoft.cdn/profiles" -> Optional.of(metricQuery("OriginHealthPercentage", "Origin"));
            case "microsoft.cognitiveservices/accounts" ->
                    Optional.of(metricQuery("AzureOpenAIRequests", "ModelDeploymentName"));
            default -> Optional.empty();
        };
    }

    private static String metricQuery(String metric, String splitBy) {
        return "metricnames=" + metric + "&" + encode("$filter") + "=" + encode(splitBy + " eq '*'");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
