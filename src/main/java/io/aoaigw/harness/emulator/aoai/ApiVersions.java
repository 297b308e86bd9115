package io.aoaigw.harness.emulator.aoai;

import java.util.List;

/**
 * The inference api-versions the account serves and what the answer shape depends on. The accepted list is the
 * versions published as inference specs in Azure/azure-rest-api-specs
 * ({@code specification/cognitiveservices/data-plane/AzureOpenAI/inference/{stable,preview}/<version>}) from
 * 2022-12-01 on (the 2022 previews, long retired, are left out; which later previews Azure still serves is
 * unconfirmed); any other value gets 400 "API version not supported". Feature thresholds are the earliest version a
 * recording or spec shows.
 */
final class ApiVersions {
    static final List<String> ACCEPTED = List.of(
            "2022-12-01", "2023-05-15", "2024-02-01", "2024-06-01", "2024-10-21",
            "2023-03-15-preview", "2023-06-01-preview", "2023-07-01-preview", "2023-08-01-preview",
            "2023-09-01-preview", "2023-12-01-preview", "2024-02-15-preview", "2024-03-01-preview",
            "2024-04-01-preview", "2024-05-01-preview", "2024-07-01-preview", "2024-08-01-preview",
            "2024-09-01-preview", "2024-10-01-preview", "2024-12-01-preview", "2025-01-01-preview",
            "2025-02-01-preview", "2025-03-01-preview", "2025-04-01-preview");

    private ApiVersions() {
    }

    static boolean accepted(String apiVersion) {
        return ACCEPTED.contains(apiVersion);
    }

    /** Whether {@code apiVersion} dates from {@code date} (yyyy-MM-dd) or later; previews by their date. */
    static boolean since(String apiVersion, String date) {
        return apiVersion.substring(0, Math.min(10, apiVersion.length())).compareTo(date) >= 0;
    }

    /**
     * {@code refusal} in messages and role deltas: absent from the 2024-03/04 recordings, present in the 2025-01 one
     * and in the 2024-10-21 spec; structured outputs (and refusal) arrived with 2024-08-01-preview.
     */
    static boolean refusal(String apiVersion) {
        return since(apiVersion, "2024-08-01");
    }

    /** {@code completion_tokens_details}/{@code prompt_tokens_details} in usage (recorded for 2025-01-01-preview). */
    static boolean usageDetails(String apiVersion) {
        return since(apiVersion, "2024-09-01");
    }

    /** {@code max_completion_tokens}: refused as unrecognised with 2024-09-01-preview (recorded), in 2024-10-21. */
    static boolean maxCompletionTokens(String apiVersion) {
        return since(apiVersion, "2024-10-01");
    }
}
