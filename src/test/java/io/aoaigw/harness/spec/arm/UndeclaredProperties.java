package io.aoaigw.harness.spec.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of an answer that its schema does not declare. Azure's specs leave objects open (no
 * {@code additionalProperties: false}), so a schema validator accepts any invented field; the emulator should not
 * invent them, and an excerpt that elides a property the emulator serves must not hide it. Follows {@code $ref}
 * (across files), {@code allOf}, {@code items} and {@code additionalProperties}; a map
 * ({@code additionalProperties}) or a free object (no {@code properties}) declares every key.
 */
final class UndeclaredProperties {
    private final Map<String, JsonNode> documents;

    UndeclaredProperties(Map<String, JsonNode> documents) {
        this.documents = documents;
    }

    /** One line per undeclared property, naming its JSON path in the answer. */
    List<String> of(String schemaUri, JsonNode instance) {
        List<String> found = new ArrayList<>();
        walk(schemaUri, instance, "$", found);
        return found;
    }

    private void walk(String uri, JsonNode instance, String path, List<String> found) {
        Located schema = locate(uri);
        if (schema == null) {
            return;
        }
        if (instance.isArray()) {
            JsonNode items = schema.node().get("items");
            if (items != null) {
                for (int i = 0; i < instance.size(); i++) {
                    walk(schema.child("items"), instance.get(i), path + "[" + i + "]", found);
                }
            }
            return;
        }
        if (!instance.isObject()) {
            return;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        String additional = declare(schema, declared);
        if (declared.isEmpty() && additional == null) {
            return; // a free object ("type": "object" alone): anything goes
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = declared.getOrDefault(field.getKey(), additional);
            if (child == null) {
                found.add(path + "." + field.getKey() + " is not declared by " + shortName(uri));
            } else if (!child.isEmpty()) {
                walk(child, field.getValue(), path + "." + field.getKey(), found);
            }
        }
    }

    /** Fills {@code declared} (name → schema URI) from the schema and its allOf; returns the additionalProperties URI. */
    private String declare(Located schema, Map<String, String> declared) {
        String additional = null;
        JsonNode properties = schema.node().path("properties");
        properties.fieldNames().forEachRemaining(name -> declared.put(name, schema.child("properties", name)));
        JsonNode extra = schema.node().get("additionalProperties");
        if (extra != null && extra.isObject()) {
            additional = schema.child("additionalProperties");
        } else if (extra != null && extra.asBoolean(false)) {
            additional = ""; // any value, not looked into
        }
        JsonNode allOf = schema.node().path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            Located part = locate(schema.child("allOf", String.valueOf(i)));
            if (part != null) {
                String inherited = declare(part, declared);
                additional = additional != null ? additional : inherited;
            }
        }
        return additional;
    }

    private record Located(String uri, JsonNode node) {
        String child(String... segments) {
            StringBuilder pointer = new StringBuilder(uri.contains("#") ? uri : uri + "#");
            for (String segment : segments) {
                pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return pointer.toString();
        }
    }

    /** The schema at {@code uri} with its $refs followed, or null when no excerpt holds it. */
    private Located locate(String uri) {
        for (int hops = 0; hops < 20; hops++) {
            int hash = uri.indexOf('#');
            JsonNode document = documents.get(hash < 0 ? uri : uri.substring(0, hash));
            if (document == null) {
                return null;
            }
            JsonNode node = hash < 0 ? document : document.at(uri.substring(hash + 1));
            if (node.isMissingNode()) {
                return null;
            }
            JsonNode ref = node.get("$ref");
            if (ref == null) {
                return new Located(uri, node);
            }
            uri = SpecDocuments.resolve(uri, ref.asText());
        }
        return null;
    }

    private static String shortName(String uri) {
        int hash = uri.indexOf('#');
        return uri.substring(uri.lastIndexOf('/', hash < 0 ? uri.length() : hash) + 1);
    }
}
