package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operations of the imported spec (its paths and methods), optionally limited to the topology's
 * {@code api.operations} (operation ids, compared ignoring case since the spec mixes {@code embeddings_create} and
 * {@code ChatCompletions_Create}). Matches a request path relative to the API suffix the way APIM's URL templates do:
 * one template parameter is one path segment.
 */
final class OperationCatalog {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private record Entry(ApiOperation operation, Pattern pattern) {
    }

    private final List<Entry> entries;

    private OperationCatalog(List<Entry> entries) {
        this.entries = entries;
    }

    static OperationCatalog from(JsonNode spec, List<String> allowedOperationIds) {
        Map<String, String> allowed = allowedOperationIds.stream()
                .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), id -> id, (a, b) -> a, HashMap::new));
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue; // path-level "parameters" and extensions are not operations
                }
                String id = method.getValue().path("operationId").asText(method.getKey() + " " + path.getKey());
                if (allowedOperationIds.isEmpty() || allowed.remove(id.toLowerCase(Locale.ROOT)) != null) {
                    ApiOperation op = new ApiOperation(id, method.getKey().toUpperCase(Locale.ROOT), path.getKey());
                    entries.add(new Entry(op, toPattern(path.getKey())));
                }
            }
        }
        if (!allowed.isEmpty()) {
            throw new IllegalArgumentException("apim.api.operations names operations the spec does not have: "
                    + allowed.values());
        }
        return new OperationCatalog(List.copyOf(entries));
    }

    /**
     * An API described by its own operations ({@code METHOD /template}, as the topology's other APIs are), or, with
     * none, one wildcard operation per method matching every path under the suffix (as APIM's blank-API {@code /*}).
     */
    static OperationCatalog declared(List<String> operations) {
        if (operations.isEmpty()) {
            return new OperationCatalog(METHODS.stream().sorted().map(m -> new Entry(new ApiOperation(m + "-wildcard",
                    m.toUpperCase(Locale.ROOT), "/*"), Pattern.compile("/.*"))).toList());
        }
        return new OperationCatalog(operations.stream().map(text -> {
            String[] parts = text.trim().split("\\s+");
            String id = parts[0].toLowerCase(Locale.ROOT) + parts[1].replaceAll("[^A-Za-z0-9]+", "-");
            return new Entry(new ApiOperation(id, parts[0], parts[1]), toPattern(parts[1]));
        }).toList());
    }

    List<ApiOperation> operations() {
        return entries.stream().map(Entry::operation).toList();
    }

    /** The operation for this method and path (relative to the API suffix, starting with '/'), if any. */
    Optional<ApiOperation> match(String method, String relativePath) {
        return entries.stream()
                .filter(e -> e.operation().method().equalsIgnoreCase(method))
                .filter(e -> e.pattern().matcher(relativePath).matches())
                .map(Entry::operation)
                .findFirst();
    }

    private static Pattern toPattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
