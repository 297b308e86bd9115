package io.aoaigw.harness.emulator.chain;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Starts the default topology with a textual change, each in its own work folder. */
final class ChainTopologies {
    private ChainTopologies() {
    }

    static EmbeddedTopology start(String name, UnaryOperator<String> change) {
        try {
            String yaml = change.apply(Files.readString(Path.of("scenarios/topologies/default.yaml")));
            Path dir = Files.createDirectories(Path.of("target/test-emulator", name));
            return EmbeddedTopology.start(TopologyLoader.parse(Path.of(name + ".yaml"), yaml), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.aoaigw.harness.topology.TopologyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Replaces exactly one occurrence, so that a drifting default topology fails loudly instead of silently. */
    static UnaryOperator<String> replaceOnce(String from, String to) {
        return yaml -> {
            int at = yaml.indexOf(from);
            if (at < 0 || yaml.indexOf(from, at + 1) >= 0) {
                throw new IllegalStateException("expected exactly one '" + from + "' in default.yaml");
            }
            return yaml.replace(from, to);
        };
    }
}
