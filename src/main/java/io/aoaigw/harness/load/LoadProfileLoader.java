package io.aoaigw.harness.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyException;
import io.aoaigw.harness.topology.TopologyLoader;
import io.aoaigw.harness.topology.YamlProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code scenarios/load/*.yaml} into a validated {@link LoadProfile} with its topology, or fails with one
 * {@link LoadProfileException} naming file, line and field (the topology's own problems keep their file).
 */
public final class LoadProfileLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A validated profile and the topology it names. */
    public record Loaded(Path file, LoadProfile profile, Topology topology) {
    }

    private LoadProfileLoader() {
    }

    /** Loads a profile; its {@code topology} path is resolved against {@code baseDir} (the project directory). */
    public static Loaded load(Path file, Path baseDir) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LoadProfileException(file + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : "cannot read: " + e.getMessage()));
        }
        LoadProfile profile;
        try {
            profile = YAML.readValue(text, LoadProfile.class);
        } catch (JsonProcessingException e) {
            throw new LoadProfileException(YamlProblems.binding(file, text, e).getMessage());
        }
        if (profile == null) {
            throw new LoadProfileException(file + ": the file is empty");
        }
        Topology topology = profile.topology() == null ? null : topology(file, text, baseDir.resolve(profile.topology()));
        List<LoadProfileValidator.Problem> problems = new LoadProfileValidator().check(profile, topology);
        if (!problems.isEmpty()) {
            LoadProfileValidator.Problem first = problems.get(0);
            throw new LoadProfileException(new TopologyException(file, YamlProblems.lineOf(text, first.path()),
                    first.path(), first.message()).getMessage());
        }
        return new Loaded(file, profile, topology);
    }

    private static Topology topology(Path file, String text, Path topologyFile) {
        if (!Files.isRegularFile(topologyFile)) {
            throw new LoadProfileException(file + ":" + YamlProblems.lineOf(text, "topology") + ": topology: no such file "
                    + topologyFile);
        }
        try {
            return TopologyLoader.load(topologyFile);
        } catch (TopologyException e) {
            throw new LoadProfileException(e.getMessage() + " (topology of " + file + ")");
        }
    }
}
