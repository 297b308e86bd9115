package io.aoaigw.harness.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** The healthy topology's YAML tree, and the YAML text of a catalogue entry's broken copy of it. */
final class MutatedTopology {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final ObjectNode healthy;

    private MutatedTopology(ObjectNode healthy) {
        this.healthy = healthy;
    }

    /** @throws IllegalArgumentException when the text is not a YAML mapping */
    static MutatedTopology of(String healthyYaml) {
        try {
            if (YAML.readTree(healthyYaml) instanceof ObjectNode root) {
                return new MutatedTopology(root);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException("the healthy topology is not a YAML mapping");
    }

    /** A fresh copy of the healthy tree with the entry's mutations applied (the first misfit throws). */
    ObjectNode apply(CatalogueEntry entry, MutationFailure onFailure) {
        ObjectNode copy = healthy.deepCopy();
        for (int i = 0; i < entry.mutations().size(); i++) {
            try {
                Mutator.apply(copy, entry.mutations().get(i));
            } catch (IllegalArgumentException e) {
                throw onFailure.at(i, e.getMessage());
            }
        }
        return copy;
    }

    /** The YAML text of a broken topology, headed by what was changed and why. */
    static String yaml(CatalogueEntry entry, ObjectNode tree) {
        StringBuilder sb = new StringBuilder("# Broken copy of the healthy topology for detection entry '")
                .append(entry.name()).append("' (generated; do not edit).\n# ").append(entry.description())
                .append("\n# expected to fail: ").append(String.join(", ", entry.expectFail())).append('\n');
        entry.mutations().forEach(m -> sb.append("# ").append(m.toString().replace('\n', ' ')).append('\n'));
        try {
            return sb.append(YAML.writeValueAsString(tree)).toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns a mutation that does not fit into the caller's exception. */
    @FunctionalInterface
    interface MutationFailure {
        RuntimeException at(int mutationIndex, String problem);
    }
}
