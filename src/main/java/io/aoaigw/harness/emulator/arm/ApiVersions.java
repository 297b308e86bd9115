package io.aoaigw.harness.emulator.arm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The api-versions each emulated resource provider accepts: stable versions of Azure/azure-rest-api-specs whose
 * shapes (for the properties served here) are the same, including the one each SDK client sends. Anything else is
 * refused as ARM refuses an unknown version, so a reader pinned to a wrong version fails here as it would in Azure.
 * docs/arm.md says why each is listed.
 */
final class ApiVersions {
    static final String API_MANAGEMENT = "Microsoft.ApiManagement";
    static final String CDN = "Microsoft.Cdn";
    static final String COGNITIVE_SERVICES = "Microsoft.CognitiveServices";
    static final String AUTHORIZATION = "Microsoft.Authorization";
    static final String RESOURCES = "Microsoft.Resources";

    private static final Map<String, List<String>> SUPPORTED = Map.of(
            API_MANAGEMENT, List.of("2021-08-01", "2022-08-01", "2024-05-01"),
            CDN, List.of("2024-02-01", "2024-09-01", "2025-04-15"),
            COGNITIVE_SERVICES, List.of("2023-05-01", "2024-10-01", "2025-06-01", "2025-09-01"),
            AUTHORIZATION, List.of("2022-04-01"),
            RESOURCES, List.of("2021-04-01", "2022-09-01", "2024-03-01", "2025-04-01"));

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
