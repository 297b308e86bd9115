package io.aoaigw.harness.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Azure OpenAI inference spec the harness serves (src/main/resources/openapi/azure-openai/2024-10-21, OpenAPI
 * 3.0) as an oracle for answers: finds the operation of a request path, the response of a status (or
 * {@code default}), and validates a JSON body, or each frame of an SSE stream, against its schema with a kept
 * validator (networknt json-schema-validator, OpenAPI 3.0 dialect, so {@code nullable} is understood). A status the
 * operation does not describe (and no {@code default}) is not checked; where recorded Azure answers themselves
 * break the spec, {@link SpecGaps} lists the gap and it is not reported.
 *
 * <p>Azure's prompt-filter frame (empty {@code id} and {@code object}, no choices) is not in the spec's stream schema;
 * it is skipped, and so is {@code [DONE]}.
 */
public final class InferenceSpec {
    public static final String RESOURCE = "/openapi/azure-openai/2024-10-21/inference.json";
    private static final String BASE = "https://spec.aoaigw.invalid/inference.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InferenceSpec INSTANCE = load();

    private final List<Operation> operations;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

    private record Operation(Pattern path, String key, Map<String, String> responses) {
    }

    private InferenceSpec(List<Operation> operations, String document) {
        this.operations = operations;
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(BASE, document)));
    }

    public static InferenceSpec get() {
        return INSTANCE;
    }

    /** Whether the spec has an operation for this path (below {@code /openai}) and method POST. */
    public boolean covers(String path) {
        return operation(path) != null;
    }

    /**
     * The problems of an answer against the spec, one line each (none when it conforms); a path the spec does not
     * have, or a status without a response and without {@code default}, is a problem too.
     */
    public List<String> validate(String path, int status, String contentType, String body) {
        Operation operation = operation(path);
        if (operation == null) {
            return List.of("no operation of the spec matches POST " + path);
        }
        String key = operation.responses().containsKey(String.valueOf(status)) ? String.valueOf(status) : "default";
        String pointer = operation.responses().get(key);
        if (pointer == null) {
            return List.of(); // the spec describes no answer of this status for the operation: nothing to check
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<String> problems = new ArrayList<>();
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            Schema frameSchema = schemas.computeIfAbsent("/components/schemas/createChatCompletionStreamResponse",
                    p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
            int index = 0;
            for (String event : events(body)) {
                JsonNode frame = parse(event);
                if (!isPromptFilterFrame(frame)) {
                    report(problems, operation.key() + " " + status + " frame " + index, frameSchema, frame);
                }
                index++;
            }
        } else {
            report(problems, operation.key() + " " + status, schema, parse(body));
        }
        return problems;
    }

    private static void report(List<String> problems, String where, Schema schema, JsonNode node) {
        for (Error error : schema.validate(node)) {
            String problem = where + ": " + error;
            if (SpecGaps.explain(problem) == null) {
                problems.add(problem);
            }
        }
    }

    private Operation operation(String path) {
        String relative = path.startsWith("/openai/") ? path.substring("/openai".length()) : path;
        int query = relative.indexOf('?');
        String bare = query < 0 ? relative : relative.substring(0, query);
        return operations.stream().filter(o -> o.path().matcher(bare).matches()).findFirst().orElse(null);
    }

    private static boolean isPromptFilterFrame(JsonNode frame) {
        return frame.path("choices").isEmpty() && frame.has("prompt_filter_results") && !frame.has("usage");
    }

    private static List<String> events(String body) {
        List<String> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String data = block.strip();
            if (data.startsWith("data: ") && !data.equals("data: [DONE]")) {
                events.add(data.substring("data: ".length()));
            }
        }
        return events;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /**
     * Reads the spec and gathers each POST operation's JSON response schemas under {@code x-response-schemas}, so
     * that every one, inline or referenced, has a location the validator can load (internal $refs keep working).
     */
    private static InferenceSpec load() {
        try (InputStream in = InferenceSpec.class.getResourceAsStream(RESOURCE)) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            ObjectNode gathered = document.putObject("x-response-schemas");
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                JsonNode post = path.getValue().path("post");
                if (post.isMissingNode()) {
                    continue;
                }
                String id = post.path("operationId").asText(path.getKey());
                Map<String, String> responses = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> r = post.path("responses").fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = r.next();
                    JsonNode schema = response.getValue().at("/content/application~1json/schema");
                    if (!schema.isMissingNode()) {
                        gathered.set(id + "-" + response.getKey(), schema);
                        responses.put(response.getKey(), "/x-response-schemas/" + id + "-" + response.getKey());
                    }
                }
                String regex = path.getKey().replaceAll("\\{[^}]+}", "[^/]+");
                operations.add(new Operation(Pattern.compile(regex), id, responses));
            }
            return new InferenceSpec(operations, JSON.writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
