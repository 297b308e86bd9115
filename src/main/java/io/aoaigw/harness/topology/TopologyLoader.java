package io.aoaigw.harness.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a topology YAML file into a validated {@link Topology}, or fails with one precise {@link TopologyException}. */
public final class TopologyLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TopologyLoader() {
    }

    public static Topology load(Path file) throws TopologyException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TopologyException(file, 0, "", "no such file");
        } catch (IOException e) {
            throw new TopologyException(file, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses YAML text; {@code origin} only names the source in messages. */
    public static Topology parse(Path origin, String text) throws TopologyException {
        Topology topology;
        try {
            topology = YAML.readValue(text, Topology.class);
        } catch (JsonProcessingException e) {
            throw YamlProblems.binding(origin, text, e);
        }
        if (topology == null) {
            throw new TopologyException(origin, 0, "", "the file is empty");
        }
        List<TopologyValidator.Problem> problems = new TopologyValidator(topology).problems();
        if (!problems.isEmpty()) {
            TopologyValidator.Problem first = problems.get(0);
            throw new TopologyException(origin, YamlProblems.lineOf(text, first.path()), first.path(),
                    first.message());
        }
        return topology;
    }
}
