package io.aoaigw.harness.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CI file read as YAML and checked against a draft-07 JSON schema from the test resources: the part the GitHub
 * workflow lint and the Azure Pipelines lint share. A file that is not YAML is one problem naming its line.
 */
final class YamlDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlDocument() {
    }

    /** The file's tree, or null after reporting why it cannot be read (not YAML, no mapping at the top). */
    static JsonNode read(Path file, String kind, Consumer<String> problem) {
        JsonNode doc;
        try {
            doc = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problem.accept(file + ":" + e.getLocation().getLineNr() + ": not YAML: " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problem.accept(file + ": " + e.getMessage());
            return null;
        }
        if (doc == null || !doc.isObject()) {
            problem.accept(file + ": not a " + kind + " (no mapping at the top)");
            return null;
        }
        return doc;
    }

    /** @param typeLoose a string that parses as the integer or boolean the schema wants passes */
    static Schema schema(String resource, boolean typeLoose) {
        try (InputStream in = YamlDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().typeLoose(typeLoose).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(config))
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void validate(Schema schema, JsonNode doc, Path file, Consumer<String> problem) {
        List<Error> errors = schema.validate(doc);
        errors.stream().map(e -> file + ": schema: " + e.getInstanceLocation() + ": " + condensed(e.getMessage()))
                .distinct().forEach(problem);
    }

    /**
     * A schema with many alternatives (anyOf over every known task, a boolean as eight spellings) fails once per
     * alternative; one line per place and kind of failure is enough to find the mistake.
     */
    private static String condensed(String message) {
        return message.replaceFirst("does not have a value in the enumeration .*", "is not one of the known values")
                .replaceFirst("does not match the regex pattern .*", "does not match the expected form");
    }
}
