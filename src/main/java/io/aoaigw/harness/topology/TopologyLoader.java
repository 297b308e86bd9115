package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.YamlFileException;
import io.aoaigw.harness.yaml.YamlModelReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a topology YAML file into a validated {@link Topology}, or fails with one precise {@link TopologyException}. */
public final class TopologyLoader {
    private TopologyLoader() {
    }

    public static Topology load(Path file) throws TopologyException {
        try {
            return parse(file, YamlModelReader.readFile(file));
        } catch (TopologyException e) {
            throw e;
        } catch (YamlFileException e) {
            throw TopologyException.of(e);
        }
    }

    /** Parses YAML text; {@code origin} only names the source in messages. */
    public static Topology parse(Path origin, String text) throws TopologyException {
        try {
            return YamlModelReader.read(origin, text, Topology.class, TopologyLoader::problems);
        } catch (YamlFileException e) {
            throw TopologyException.of(e);
        }
    }

    /** Every validator's problems, the general one's first. */
    private static List<YamlModelReader.Problem> problems(Topology t) {
        List<YamlModelReader.Problem> all = new ArrayList<>(new TopologyValidator(t).problems());
        all.addAll(ApimTierValidator.problems(t));
        all.addAll(FrontDoorValidator.problems(t));
        return all;
    }
}
