package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@link DetectionMatrix} as {@code detection-matrix.json} and {@code detection-matrix.md}. In the Markdown
 * table a step's cell reads: {@code FAIL} failed as expected, {@code MISS} expected to fail but did not,
 * {@code fail~} failed as a tolerated consequence, {@code FAIL!} failed unexpectedly (examine), {@code ok} passed,
 * {@code skip} skipped, {@code -} not run. Every message is redacted on the way out.
 */
public final class DetectionMatrixWriter {
    /** Last line of defence for messages copied into reports, whatever check wrote them. */
    private static final Redactor SECRETS = Redactor.patternsOnly();

    public static final String JSON_FILE = "detection-matrix.json";
    public static final String MARKDOWN_FILE = "detection-matrix.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MESSAGE_CHARS = 200;

    private DetectionMatrixWriter() {
    }

    /** Writes both files into {@code dir} (created when missing); returns the JSON file. */
    public static Path write(DetectionMatrix matrix, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(matrix));
        return Files.writeString(dir.resolve(JSON_FILE), JSON.writeValueAsString(json(matrix)) + "\n");
    }

    public static ObjectNode json(DetectionMatrix matrix) {
        ObjectNode root = JSON.createObjectNode()
                .put("generatedAt", matrix.generatedAt().toString())
                .put("barMet", matrix.barMet())
                .put("entries", matrix.entries())
                .put("caught", matrix.caughtEntries());
        ArrayNode rows = root.putArray("rows");
        for (DetectionRow r : matrix.rows()) {
            ObjectNode row = rows.addObject().put("entry", r.entry()).put("description", r.description());
            strings(row.putArray("expectFail"), r.expectFail());
            strings(row.putArray("mayFail"), r.mayFail());
            row.put("caught", r.caught());
            strings(row.putArray("missed"), r.missed());
            strings(row.putArray("unexpected"), r.unexpected());
            row.put("error", SECRETS.redact(r.observed().error()));
            ObjectNode steps = row.putObject("steps");
            r.observed().allSteps().forEach((id, o) -> {
                ObjectNode step = steps.putObject(id)
                        .put("expected", r.expectFail().contains(id) ? "fail"
                                : r.mayFail().contains(id) ? "may-fail" : "pass")
                        .put("observed", o.status())
                        .put("cell", r.cell(id));
                strings(step.putArray("messages"), o.messages().stream().map(SECRETS::redact).toList());
            });
            strings(row.putArray("messages"), r.messages());
        }
        return root;
    }

    public static String markdown(DetectionMatrix matrix) {
        StringBuilder md = new StringBuilder("# Detection matrix\n\n");
        DetectionRow healthy = matrix.rows().get(0);
        md.append("Bar ").append(matrix.barMet() ? "**met**" : "**not met**").append(": ")
                .append(matrix.caughtEntries()).append(" of ").append(matrix.entries())
                .append(" entries caught by their expected steps; healthy topology ")
                .append(healthy.caught() ? "clean" : "NOT clean").append(". Generated ")
                .append(matrix.generatedAt()).append(".\n\n");
        md.append("| entry | expected to fail |");
        Steps.ALL.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append(" caught | failing check |\n|---|---|");
        Steps.ALL.forEach(s -> md.append("---|"));
        md.append("---|---|\n");
        for (DetectionRow r : matrix.rows()) {
            md.append("| ").append(cellText(r.entry())).append(" | ").append(cellText(r.expectedText())).append(" |");
            Steps.ALL.forEach(s -> md.append(' ').append(r.cell(s)).append(" |"));
            md.append(' ').append(r.caught() ? "yes" : "**no**").append(" | ")
                    .append(cellText(firstMessage(r))).append(" |\n");
        }
        md.append("\n`FAIL` failed as expected · `MISS` expected to fail, did not · `fail~` failed as a tolerated"
                + " consequence · `FAIL!` failed unexpectedly (examine) · `ok` passed · `skip` skipped · `-` not run\n");
        List<DetectionRow> toExamine = matrix.rows().stream()
                .filter(r -> !r.unexpected().isEmpty() || r.observed().error() != null).toList();
        if (!toExamine.isEmpty()) {
            md.append("\n## To examine\n\n");
            toExamine.forEach(r -> md.append("- **").append(r.entry()).append("**: ")
                    .append(r.observed().error() != null ? "run failed: " + SECRETS.redact(r.observed().error())
                            : "unexpected failure of " + String.join(", ", r.unexpected()))
                    .append('\n'));
        }
        return md.toString();
    }

    private static String firstMessage(DetectionRow r) {
        if (r.observed().error() != null) {
            return "run failed: " + SECRETS.redact(r.observed().error());
        }
        String m = r.messages().isEmpty() ? "" : r.messages().get(0);
        return m.length() > MESSAGE_CHARS ? m.substring(0, MESSAGE_CHARS - 1) + "…" : m;
    }

    /** Markdown table cells: one line, pipes escaped. */
    private static String cellText(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
