package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code reports/load-summary.json}: the mergeable data ({@code data}: base64 HdrHistograms, counters, origins,
 * timeline) and the figures derived from it ({@code figures}), which reading ignores and writing recomputes. Holds no
 * key, token or header value: nothing secret is ever recorded into a {@link LoadSummary}.
 */
public final class SummaryJson {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SummaryJson() {
    }

    public static ObjectNode toJson(LoadSummary s) {
        synchronized (s) {
            ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
            root.putPOJO("sources", s.sources);
            root.put("startEpochMs", s.startEpochMs).put("endEpochMs", s.endEpochMs);
            root.set("figures", SummaryFigures.of(s));
            ObjectNode data = root.putObject("data");
            ObjectNode hist = data.putObject("histograms");
            s.histograms.forEach((k, h) -> hist.put(k, HistogramCodec.encode(h)));
            data.set("counters", JSON.valueToTree(s.counters));
            data.set("origins", JSON.valueToTree(s.origins));
            data.set("timeline", JSON.valueToTree(s.timeline));
            return root;
        }
    }

    public static void write(LoadSummary s, Path file) throws IOException {
        write(s, Map.of(), file);
    }

    /** Writes the summary with the run's checks (name → problem, "" when it held); checks are not merged. */
    public static void write(LoadSummary s, Map<String, String> checks, Path file) throws IOException {
        write(s, checks, Map.of(), file);
    }

    /**
     * Writes the summary with the run's checks and figures read from the target after the run (e.g.
     * {@code accountsView}), added under {@code figures}; like checks, they are not merged.
     */
    public static void write(LoadSummary s, Map<String, String> checks, Map<String, JsonNode> readFigures, Path file)
            throws IOException {
        ObjectNode root = toJson(s);
        ObjectNode figures = (ObjectNode) root.path("figures");
        readFigures.forEach(figures::set);
        if (!checks.isEmpty()) {
            root.set("checks", JSON.valueToTree(new java.util.TreeMap<>(checks)));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Reads a summary written by {@link #write}; a file of another shape fails naming the file. */
    public static LoadSummary read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a load summary (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("data").isObject()) {
            throw new IOException(file + ": not a load summary of format " + FORMAT);
        }
        LoadSummary s = new LoadSummary();
        root.path("sources").forEach(n -> s.source(n.asText()));
        s.window(root.path("startEpochMs").asLong(), root.path("endEpochMs").asLong());
        JsonNode data = root.path("data");
        for (Map.Entry<String, JsonNode> e : iterable(data.path("histograms"))) {
            s.histograms.put(e.getKey(), histogram(file, "data.histograms." + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> e : iterable(data.path("counters"))) {
            s.add(e.getKey(), count(file, "data.counters." + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> e : iterable(data.path("origins"))) {
            s.origins.put(e.getKey(), count(file, "data.origins." + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> sec : iterable(data.path("timeline"))) {
            long second = second(file, sec.getKey());
            for (Map.Entry<String, JsonNode> c : iterable(sec.getValue())) {
                s.timeline.computeIfAbsent(second, k -> new java.util.TreeMap<>()).merge(c.getKey(),
                        count(file, "data.timeline." + sec.getKey() + "." + c.getKey(), c.getValue()), Long::sum);
            }
        }
        return s;
    }

    /** A histogram cut short (a truncated file) throws from deep inside HdrHistogram: name the field instead. */
    private static org.HdrHistogram.Histogram histogram(Path file, String field, JsonNode value) throws IOException {
        try {
            return HistogramCodec.decode(value.asText());
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + field + ": not a complete encoded histogram", e);
        }
    }

    /** Counts add up across injectors: only whole numbers >= 0 may enter. */
    private static long count(Path file, String field, JsonNode value) throws IOException {
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IOException(file + ": " + field + ": must be a whole number >= 0, not " + value);
        }
        return value.asLong();
    }

    private static long second(Path file, String key) throws IOException {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": data.timeline: '" + key + "' is not an epoch second");
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return () -> fields(node);
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }
}
