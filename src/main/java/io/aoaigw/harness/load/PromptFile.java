package io.aoaigw.harness.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a prompts file (JSON Lines): each line either a request of the OpenAI Batch API input format
 * ({@code {"custom_id", "method": "POST", "url": "/chat/completions" or "/v1/chat/completions", "body": {...}}}) or
 * a bare chat completions body. Blank lines are skipped. The first bad line ends the reading with
 * {@code FILE:LINE: problem}; problems name fields, never the prompt text.
 *
 * <p>Request class: the {@code custom_id} without a trailing number ({@code short-001} → {@code short},
 * {@code multi_turn_7} → {@code multi_turn}); a bare body's class is {@code plain}.
 */
public final class PromptFile {
    /** Larger files are refused: the whole file is held in memory for the run. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> BATCH_FIELDS = Set.of("custom_id", "method", "url", "body");
    private static final Set<String> CHAT_URLS = Set.of("/chat/completions", "/v1/chat/completions");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private PromptFile() {
    }

    public static List<Prompt> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LoadProfileException(file + ": prompts: not a regular file");
        }
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new LoadProfileException(file + ": prompts: larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadProfileException(file + ": prompts: cannot read (" + e.getClass().getSimpleName() + ")");
        }
        List<Prompt> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(parse(file, i + 1, lines.get(i), ids));
            }
        }
        if (out.isEmpty()) {
            throw new LoadProfileException(file + ": prompts: no request in the file");
        }
        return List.copyOf(out);
    }

    private static Prompt parse(Path file, int line, String text, Map<String, Integer> ids) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(file, line, "not JSON (column " + e.getLocation().getColumnNr() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw bad(file, line, "not a JSON object");
        }
        boolean batch = object.properties().stream().anyMatch(f -> BATCH_FIELDS.contains(f.getKey()));
        String requestClass = batch ? batchClass(file, line, object, ids) : "plain";
        JsonNode body = batch ? object.get("body") : object;
        if (!(body instanceof ObjectNode bodyObject)) {
            throw bad(file, line, "body: required, a JSON object (the chat completions request)");
        }
        checkMessages(file, line, bodyObject);
        int[] size = PromptTokens.of(bodyObject);
        return new Prompt(line, requestClass, bodyObject, size[0], size[1]);
    }

    private static String batchClass(Path file, int line, ObjectNode o, Map<String, Integer> ids) {
        for (Map.Entry<String, JsonNode> f : o.properties()) {
            if (!BATCH_FIELDS.contains(f.getKey())) {
                throw bad(file, line, f.getKey() + ": unknown field of a batch request (custom_id, method, url, body)");
            }
        }
        String id = o.path("custom_id").asText("");
        if (!o.path("custom_id").isTextual() || id.isBlank()) {
            throw bad(file, line, "custom_id: required, a non-empty string");
        }
        Integer first = ids.putIfAbsent(id, line);
        if (first != null) {
            throw bad(file, line, "custom_id: '" + id + "' already used on line " + first);
        }
        if (!"POST".equals(o.path("method").asText(null))) {
            throw bad(file, line, "method: must be POST");
        }
        String url = o.path("url").asText("");
        if (!CHAT_URLS.contains(url)) {
            throw bad(file, line, "url: must be /chat/completions or /v1/chat/completions (only chat completions "
                    + "are replayed)");
        }
        String stripped = id.replaceFirst("[-_.:]?\\d+$", "");
        return (stripped.isEmpty() ? id : stripped).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void checkMessages(Path file, int line, ObjectNode body) {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw bad(file, line, "body.messages: required, a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            String role = messages.get(i).path("role").asText("");
            if (!ROLES.contains(role)) {
                throw bad(file, line, "body.messages[" + i + "].role: must be one of "
                        + new java.util.TreeSet<>(ROLES));
            }
        }
        if (body.has("max_tokens") && !body.get("max_tokens").canConvertToInt()) {
            throw bad(file, line, "body.max_tokens: must be an integer");
        }
    }

    private static LoadProfileException bad(Path file, int line, String problem) {
        return new LoadProfileException(file + ":" + line + ": " + problem);
    }
}
