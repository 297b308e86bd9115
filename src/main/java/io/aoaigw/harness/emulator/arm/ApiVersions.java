package io.aoaigw.harness.emulator.arm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The api-versions each emulated resource provider accepts. Anything else is refused as ARM refuses an unknown
 * version, so a reader pinned to a wrong version fails here as it would in Azure. docs/arm.md names the sources.
 */
final class ApiVersions {
    static final String API_MANAGEMENT = "Microsoft.ApiManagement";
    static final String CDN = "Microsoft.Cdn";
    static final String COGNITIVE_SERVICES = "Microsoft.CognitiveServices";
    static final String AUTHORIZATION = "Microsoft.Authorization";
    static final String RESOURCES = "Microsoft.Resources";
    static final String INSIGHTS = "Microsoft.Insights";

    /**
     * Every api-version azure-rest-api-specs publishes (stable and preview) in which all the types read here exist;
     * sources in docs/arm.md. Providers serve the same shapes for the properties read, so one answer serves all.
     */
    private static final Map<String, List<String>> SUPPORTED = Map.of(
            INSIGHTS, List.of("2017-05-01-preview", "2018-01-01", "2021-05-01", "2023-10-01", "2024-02-01"),
            API_MANAGEMENT, List.of("2017-03-01", "2018-01-01", "2018-06-01-preview", "2019-01-01",
                    "2019-12-01-preview", "2019-12-01", "2020-06-01-preview", "2020-12-01", "2021-01-01-preview",
                    "2021-04-01-preview", "2021-08-01", "2021-12-01-preview", "2022-04-01-preview", "2022-08-01",
                    "2022-09-01-preview", "2023-03-01-preview", "2023-05-01-preview", "2023-09-01-preview",
                    "2024-05-01", "2024-06-01-preview", "2024-10-01-preview", "2025-03-01-preview",
                    "2025-09-01-preview", "2026-03-01-preview", "2026-09-01-preview"),
            CDN, List.of("2020-09-01", "2021-06-01", "2022-05-01-preview", "2022-11-01-preview", "2023-05-01",
                    "2023-07-01-preview", "2024-02-01", "2024-05-01-preview", "2024-06-01-preview", "2024-09-01",
                    "2025-01-01-preview", "2025-04-15", "2025-05-01-preview", "2025-06-01", "2025-07-01-preview",
                    "2025-09-01-preview", "2025-12-01", "2026-04-01-preview", "2026-07-01", "2026-08-01-preview"),
            COGNITIVE_SERVICES, List.of("2021-10-01", "2022-03-01", "2022-10-01", "2022-12-01", "2023-05-01",
                    "2023-10-01-preview", "2024-04-01-preview", "2024-06-01-preview", "2024-10-01",
                    "2025-04-01-preview", "2025-06-01", "2025-07-01-preview", "2025-09-01", "2025-10-01-preview",
                    "2025-12-01", "2026-01-15-preview", "2026-03-01", "2026-03-15-preview", "2026-05-01",
                    "2026-05-15-preview", "2026-07-01", "2026-07-15-preview", "2026-09-01", "2026-09-15-preview"),
            AUTHORIZATION, List.of("2015-07-01", "2018-01-01-preview", "2022-04-01"),
            RESOURCES, List.of("2015-11-01", "2016-02-01", "2016-07-01", "2016-09-01", "2017-05-10", "2018-02-01",
                    "2018-05-01", "2019-03-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01", "2019-10-01",
                    "2020-06-01", "2020-08-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-09-01", "2023-07-01",
                    "2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01"));

    private ApiVersions() {
    }

    static List<String> of(String provider) {
        return SUPPORTED.getOrDefault(provider, List.of());
    }

    /** Empty when {@code apiVersion} is accepted by {@code provider}, else the error ARM answers. */
    static Optional<ArmError> check(String provider, String apiVersion) {
        if (apiVersion == null || apiVersion.isBlank()) {
            return Optional.of(ArmError.missingApiVersion());
        }
        List<String> supported = of(provider);
        if (supported.contains(apiVersion.trim().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(ArmError.unsupportedApiVersion(provider, apiVersion, String.join(", ", supported)));
    }
}
