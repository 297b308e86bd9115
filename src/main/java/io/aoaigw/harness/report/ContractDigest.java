package io.aoaigw.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index shows of {@code reports/contract-summary.json} ({@code {target, startedAt, durationMs,
 * steps:[{id, title, status, checks:[{name, status, detail}]}]}}): per step its status and counts, and the checks
 * that did not pass. Every text goes through the {@link Redactor}.
 */
record ContractDigest(String target, String startedAt, long durationMs, List<Step> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One setup step (S1–S10) of the contract run. */
    record Step(String id, String title, String status, int passed, int total, List<Check> notPassed) {
    }

    /** A check that did not pass, with its (redacted) detail. */
    record Check(String name, String status, String detail) {
    }

    static ContractDigest read(Path file, Redactor redactor) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.path("steps").isArray()) {
            throw new IOException(file + ": not a contract summary (no steps)");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : root.path("steps")) {
            List<Check> notPassed = new ArrayList<>();
            int passed = 0;
            int total = 0;
            for (JsonNode c : s.path("checks")) {
                total++;
                if (passed(c.path("status").asText())) {
                    passed++;
                } else {
                    notPassed.add(new Check(redactor.redact(c.path("name").asText()),
                            redactor.redact(c.path("status").asText()), redactor.redact(c.path("detail").asText())));
                }
            }
            steps.add(new Step(redactor.redact(s.path("id").asText()), redactor.redact(s.path("title").asText()),
                    redactor.redact(s.path("status").asText()), passed, total, notPassed));
        }
        return new ContractDigest(redactor.redact(root.path("target").asText()),
                redactor.redact(root.path("startedAt").asText()), root.path("durationMs").asLong(), steps);
    }

    static boolean passed(String status) {
        return status.equalsIgnoreCase("passed") || status.equalsIgnoreCase("pass") || status.equalsIgnoreCase("ok");
    }
}
