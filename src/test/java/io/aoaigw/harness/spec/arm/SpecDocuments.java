package io.aoaigw.harness.spec.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The azure-rest-api-specs excerpts under {@code src/test/resources/specs/arm} (listed in its {@code files.txt}), each
 * under a stable URI so that their relative {@code $ref}s across files resolve, and read as JSON Schema: Swagger 2.0's
 * {@code x-nullable: true} becomes a {@code null} type; when {@code lenient}, an enum marked
 * {@code x-ms-enum.modelAsString} (which Azure documents as open to new values) accepts any string.
 */
final class SpecDocuments {
    static final String ROOT = "/specs/arm/";
    static final String BASE = "https://specs.aoaigw.invalid/arm/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecDocuments() {
    }

    /** Every excerpt by its URI, adapted as above. */
    static Map<String, JsonNode> load(boolean lenient) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String file : read("files.txt").split("\n")) {
            String name = file.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                documents.put(BASE + name, adapt(parse(read(name), name), lenient));
            }
        }
        return documents;
    }

    /** {@code ref} (relative or absolute, with its fragment) resolved against the document {@code uri}. */
    static String resolve(String uri, String ref) {
        int hash = uri.indexOf('#');
        String document = hash < 0 ? uri : uri.substring(0, hash);
        return ref.startsWith("#") ? document + ref : URI.create(document).resolve(ref).toString();
    }

    private static JsonNode adapt(JsonNode node, boolean lenient) {
        if (node instanceof ObjectNode object) {
            if (object.path("x-nullable").asBoolean(false) && object.path("type").isTextual()) {
                ArrayNode types = JSON.createArrayNode().add(object.get("type").asText()).add("null");
                object.set("type", types);
            }
            if (lenient && object.has("enum") && object.path("x-ms-enum").path("modelAsString").asBoolean(false)) {
                object.remove("enum");
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                adapt(it.next(), lenient);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> adapt(element, lenient));
        }
        return node;
    }

    private static JsonNode parse(String text, String name) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("spec excerpt " + ROOT + name + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String read(String name) {
        try (InputStream in = SpecDocuments.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("spec excerpt missing from the classpath: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
