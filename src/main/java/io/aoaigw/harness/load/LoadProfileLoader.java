package io.aoaigw.harness.load;

import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyException;
import io.aoaigw.harness.topology.TopologyLoader;
import io.aoaigw.harness.yaml.YamlFileException;
import io.aoaigw.harness.yaml.YamlLines;
import io.aoaigw.harness.yaml.YamlModelReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads {@code scenarios/load/*.yaml} into a validated {@link LoadProfile} with its topology, or fails with one
 * {@link LoadProfileException} naming file, line and field (the topology's own problems keep their file).
 */
public final class LoadProfileLoader {

    /** A validated profile, the topology it names, and the prompts it replays (empty: synthetic prompts). */
    public record Loaded(Path file, LoadProfile profile, Topology topology, List<Prompt> prompts) {
    }

    private LoadProfileLoader() {
    }

    /** Loads a profile; its {@code topology} path is resolved against {@code baseDir} (the project directory). */
    public static Loaded load(Path file, Path baseDir) {
        try {
            String text = YamlModelReader.readFile(file);
            // the profile is validated against the topology it names, so the topology loads during validation
            AtomicReference<Topology> topology = new AtomicReference<>();
            LoadProfile profile = YamlModelReader.read(file, text, LoadProfile.class, p -> {
                topology.set(p.topology() == null ? null : topology(file, text, baseDir.resolve(p.topology())));
                return new LoadProfileValidator().check(p, topology.get());
            });
            return new Loaded(file, profile, topology.get(), prompts(file, text, baseDir, profile.prompts()));
        } catch (YamlFileException e) {
            throw new LoadProfileException(e.getMessage());
        }
    }

    /** The prompts file's requests; its own problems name its own file and line. */
    private static List<Prompt> prompts(Path file, String text, Path baseDir, LoadProfile.Prompts prompts) {
        if (prompts == null) {
            return List.of();
        }
        Path promptsFile = baseDir.resolve(prompts.file());
        if (!Files.exists(promptsFile)) {
            throw new LoadProfileException(file + ":" + new YamlLines(text).lineOf("prompts.file")
                    + ": prompts.file: no such file " + promptsFile);
        }
        return PromptFile.read(promptsFile);
    }

    private static Topology topology(Path file, String text, Path topologyFile) {
        if (!Files.isRegularFile(topologyFile)) {
            throw new LoadProfileException(file + ":" + new YamlLines(text).lineOf("topology")
                    + ": topology: no such file " + topologyFile);
        }
        try {
            return TopologyLoader.load(topologyFile);
        } catch (TopologyException e) {
            throw new LoadProfileException(e.getMessage() + " (topology of " + file + ")");
        }
    }
}
