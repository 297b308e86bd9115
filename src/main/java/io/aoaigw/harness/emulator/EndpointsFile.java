package io.aoaigw.harness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reads and writes the endpoints JSON; writes are atomic so a watcher never reads half a file. */
public final class EndpointsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Fields of the endpoints JSON that hold secrets. */
    static final Set<String> SECRET_FIELDS =
            Set.of("primaryKey", "apiKey", "clientSecret", "identityHeader", "trustStorePassword");

    private EndpointsFile() {
    }

    public static void write(Endpoints endpoints, Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), endpoints);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write endpoints file " + file, e);
        }
    }

    public static Endpoints read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Endpoints.class);
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // shutting down: a stale file is the only consequence
        }
    }

    /** The endpoints JSON with every secret replaced, for consoles and logs. */
    public static String redactedJson(Endpoints endpoints) {
        JsonNode tree = JSON.valueToTree(endpoints);
        redact(tree);
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(object.textNode("***"));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(EndpointsFile::redact);
        }
    }
}
