package io.aoaigw.harness.testsupport;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the embedded default topology, started once for the whole test run on ephemeral ports and closed when the
 * run ends. Tests that change the topology (faults) must undo their change; tests needing another topology start
 * their own {@link EmbeddedTopology}.
 */
public final class EmbeddedTopologyExtension implements ParameterResolver {
    private static final Path DEFAULT = Path.of("scenarios/topologies/default.yaml");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedTopology.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(EmbeddedTopologyExtension.class, key -> new Shared(), Shared.class).embedded;
    }

    private static final class Shared implements AutoCloseable {
        final EmbeddedTopology embedded;

        Shared() {
            try {
                Path dir = Files.createDirectories(Path.of("target/test-emulator"));
                embedded = EmbeddedTopology.start(TopologyLoader.load(DEFAULT), dir);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded topology", e);
            }
        }

        @Override
        public void close() {
            embedded.close();
        }
    }
}
