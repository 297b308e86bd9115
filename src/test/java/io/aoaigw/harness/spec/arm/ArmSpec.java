package io.aoaigw.harness.spec.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Resource Manager operations of the azure-rest-api-specs excerpts (src/test/resources/specs/arm, sources in its
 * README) as an oracle for answers: finds the GET operation of a path, the response of a status (or
 * {@code default}), and validates the body against its schema with networknt json-schema-validator (draft 4, the
 * dialect Swagger 2.0 schemas are written in; {@code $ref}s across files resolve between the excerpts).
 *
 * <p>{@link #strict()} is for the emulator: enums are closed, every property must be declared
 * ({@link UndeclaredProperties}) and an error carries {@code error.code} and {@code error.message}, as ARM's common
 * error shape has them. {@link #lenient()} is for a real deployment: enums Azure documents as open
 * ({@code modelAsString}) accept new values and a null stands for an absent optional property, as Azure's
 * services serialise absent values so and its SDKs read them.
 */
public final class ArmSpec {
    static final String COMMON_ERROR = SpecDocuments.BASE + "common-types/v5/types.json#/definitions/ErrorResponse";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Boolean, ArmSpec> LOADED = new ConcurrentHashMap<>();

    private final boolean strict;
    private final List<ArmOperation> operations;
    private final SchemaRegistry registry;
    private final UndeclaredProperties undeclared;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ArmSpec(boolean strict) {
        this.strict = strict;
        Map<String, JsonNode> documents = SpecDocuments.load(!strict);
        this.operations = operations(documents);
        Map<String, String> texts = new LinkedHashMap<>();
        documents.forEach((uri, node) -> texts.put(uri, node.toString()));
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft4(), builder -> builder.schemas(texts));
        this.undeclared = new UndeclaredProperties(documents);
    }

    public static ArmSpec strict() {
        return LOADED.computeIfAbsent(true, ArmSpec::new);
    }

    public static ArmSpec lenient() {
        return LOADED.computeIfAbsent(false, ArmSpec::new);
    }

    public List<ArmOperation> operations() {
        return operations;
    }

    /**
     * The most specific GET operation whose template matches {@code path}; a query ({@code ?…}) is needed only to tell
     * apart the operations of one path by their query ({@code ?export=true}: ApiExport_Get rather than Api_Get).
     */
    public Optional<ArmOperation> operation(String path) {
        int mark = path.indexOf('?');
        String bare = (mark < 0 ? path : path.substring(0, mark)).replaceAll("/+", "/");
        String query = mark < 0 ? "" : path.substring(mark + 1);
        return operations.stream().filter(o -> o.pattern().matcher(bare).matches() && o.acceptsQuery(query))
                .max(Comparator.comparingInt(ArmOperation::specificity));
    }

    /**
     * The problems of an answer to GET {@code path} (its query optional, as for {@link #operation}), one line each
     * (none when it conforms). A path no operation has is judged by ARM's common error shape when it is an error,
     * else reported.
     */
    public List<String> validate(String path, int status, String body) {
        Optional<ArmOperation> operation = operation(path);
        String where = operation.map(o -> o.operationId() + " " + o.apiVersion()).orElse("no operation") + " "
                + status;
        String schema = operation.map(o -> o.responses().getOrDefault(String.valueOf(status),
                o.responses().get("default"))).orElse(status >= 400 ? COMMON_ERROR : null);
        if (schema == null) {
            return List.of(where + ": the spec has no answer " + status + " for GET " + path);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(where + ": the body is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            return List.of(where + ": the body is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        JsonNode checked = strict ? answer : NullsAsAbsent.strip(answer);
        for (Error error : schema(schema).validate(checked)) {
            problems.add(where + ": " + error);
        }
        if (strict) {
            undeclared.of(schema, answer).forEach(p -> problems.add(where + ": " + p));
            if (status >= 400 && (answer.path("error").path("code").asText("").isEmpty()
                    || answer.path("error").path("message").asText("").isEmpty())) {
                problems.add(where + ": an error without error.code and error.message");
            }
        }
        return problems;
    }

    private Schema schema(String uri) {
        return schemas.computeIfAbsent(uri, u -> registry.getSchema(SchemaLocation.of(u)));
    }

    private static List<ArmOperation> operations(Map<String, JsonNode> documents) {
        List<ArmOperation> found = new ArrayList<>();
        documents.forEach((uri, document) -> {
            String version = document.path("info").path("version").asText();
            String provider = uri.substring(SpecDocuments.BASE.length()).split("/")[0];
            List<Map.Entry<String, JsonNode>> paths = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(paths::add);
            document.path("x-ms-paths").fields().forEachRemaining(paths::add);
            for (Map.Entry<String, JsonNode> path : paths) {
                JsonNode get = path.getValue().path("get");
                if (get.isMissingNode()) {
                    continue;
                }
                Map<String, String> responses = new LinkedHashMap<>();
                get.path("responses").fields().forEachRemaining(r -> responses.put(r.getKey(),
                        SpecDocuments.resolve(uri, r.getValue().path("schema").path("$ref").asText())));
                String[] key = path.getKey().split("\\?", 2);
                found.add(new ArmOperation(provider, version, get.path("operationId").asText(), key[0],
                        key.length > 1 ? key[1] : "", ArmOperation.compile(key[0]), responses));
            }
        });
        return List.copyOf(found);
    }
}
