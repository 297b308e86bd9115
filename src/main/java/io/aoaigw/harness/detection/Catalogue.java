package io.aoaigw.harness.detection;

import io.aoaigw.harness.topology.TopologyException;
import io.aoaigw.harness.topology.TopologyLoader;
import io.aoaigw.harness.yaml.YamlFileException;
import io.aoaigw.harness.yaml.YamlLines;
import io.aoaigw.harness.yaml.YamlModelReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue of broken deployments: every {@code *.yaml} entry of a folder (by file name), each applied to the
 * healthy topology. Loading proves each entry usable: its fields are valid, every mutation fits the healthy tree, and
 * the broken topology is accepted by the topology validator (a broken deployment is a valid one, only wrong). Any
 * problem is one {@link CatalogueException} {@code FILE:LINE: field: problem}.
 *
 * @param healthyFile the healthy topology the entries change
 * @param healthyYaml its text (the matrix's healthy row runs it unchanged)
 * @param entries     the entries, sorted by name, with their broken topologies' YAML
 */
public record Catalogue(Path healthyFile, String healthyYaml, List<Entry> entries) {

    /** An entry and the YAML text of its broken topology. */
    public record Entry(Path file, CatalogueEntry entry, String topologyYaml) {
        public String name() {
            return entry.name();
        }
    }

    public static final Path DEFAULT_FOLDER = Path.of("scenarios/topologies/broken");
    public static final Path DEFAULT_HEALTHY = Path.of("scenarios/topologies/default.yaml");

    public Catalogue {
        entries = List.copyOf(entries);
    }

    public static Catalogue load(Path folder, Path healthyFile) throws YamlFileException {
        String healthyYaml = YamlModelReader.readFile(healthyFile);
        TopologyLoader.parse(healthyFile, healthyYaml);
        MutatedTopology healthy = MutatedTopology.of(healthyYaml);
        List<Entry> entries = new ArrayList<>();
        for (Path file : entryFiles(folder)) {
            entries.add(entry(file, healthy));
        }
        if (entries.isEmpty()) {
            throw new CatalogueException(folder, 0, "", "no catalogue entries (*.yaml) in this folder");
        }
        return new Catalogue(healthyFile, healthyYaml, entries);
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no catalogue entry named '" + name + "'"));
    }

    private static List<Path> entryFiles(Path folder) throws CatalogueException {
        if (!Files.isDirectory(folder)) {
            throw new CatalogueException(folder, 0, "", "no such folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new CatalogueException(folder, 0, "", "cannot list: " + e.getMessage());
        }
    }

    private static Entry entry(Path file, MutatedTopology healthy) throws YamlFileException {
        String text = YamlModelReader.readFile(file);
        CatalogueEntry entry;
        try {
            entry = YamlModelReader.read(file, text, CatalogueEntry.class,
                    e -> new CatalogueEntryValidator(e).problems());
        } catch (YamlFileException e) {
            throw CatalogueException.of(e);
        }
        String expectedName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!entry.name().equals(expectedName)) {
            throw new CatalogueException(file, new YamlLines(text).lineOf("name"), "name",
                    "'" + entry.name() + "' must equal the file name '" + expectedName + "'");
        }
        String yaml;
        try {
            yaml = MutatedTopology.yaml(entry, healthy.apply(entry, (i, problem) -> {
                String field = "mutations[" + i + "]." + entry.mutations().get(i).operation();
                return new Unfit(new CatalogueException(file, new YamlLines(text).lineOf(field), field, problem));
            }));
        } catch (Unfit u) {
            throw u.problem;
        }
        try {
            TopologyLoader.parse(Path.of("target/detection", entry.name() + ".yaml"), yaml);
        } catch (TopologyException e) {
            throw new CatalogueException(file, new YamlLines(text).lineOf("mutations"), "mutations",
                    "the broken topology is refused (" + e.getMessage() + "); a catalogue entry must stay a valid"
                            + " deployment");
        }
        return new Entry(file, entry, yaml);
    }

    /** Carries a checked problem out of the mutation callback. */
    private static final class Unfit extends RuntimeException {
        final CatalogueException problem;

        Unfit(CatalogueException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }
}
