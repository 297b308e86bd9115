package io.aoaigw.harness.target;

import io.aoaigw.harness.topology.Topology;
import java.nio.file.Path;

/**
 * Which deployment a run checks or loads, before anything is read: an embedded topology started for the run, one
 * already running (its endpoints JSON), or a real deployment's target file with an optional secrets file.
 * {@link TargetResolver#resolve} turns it into a {@link ResolvedTarget}.
 */
public sealed interface TargetSpec {
    /** An embedded topology; {@code loaded} is its model when the caller already read the file (else null). */
    record Embedded(Path file, Topology loaded) implements TargetSpec {
        public Embedded(Path file) {
            this(file, null);
        }

        @Override
        public String describe() {
            return "embedded topology " + file;
        }
    }

    /** The embedded topology of {@code topology}, already running, as its endpoints JSON names it. */
    record Running(Embedded topology, Path endpoints) implements TargetSpec {
        @Override
        public String describe() {
            return topology.describe() + " (running, " + endpoints + ")";
        }
    }

    /** A real deployment's target file; {@code secrets} holds key variables the environment lacks (or null). */
    record Real(Path file, Path secrets) implements TargetSpec {
        @Override
        public String describe() {
            return "target file " + file;
        }
    }

    /** "target file X" or "embedded topology Y": names files only, never a secret. */
    String describe();

    /**
     * {@code harness.target=FILE} (a real deployment), else {@code harness.endpoints=FILE} (the topology running), else
     * the topology started now; the topology is {@code harness.topology} (default
     * {@value HarnessConfig#DEFAULT_TOPOLOGY}).
     */
    static TargetSpec of(HarnessConfig config) {
        return of(config, new Embedded(config.path(HarnessConfig.TOPOLOGY)
                .orElse(Path.of(HarnessConfig.DEFAULT_TOPOLOGY))));
    }

    /** As {@link #of(HarnessConfig)} with the caller's topology (a load profile's) instead of harness.topology. */
    static TargetSpec of(HarnessConfig config, Embedded topology) {
        return config.path(HarnessConfig.TARGET)
                .<TargetSpec>map(file -> new Real(file, config.path(HarnessConfig.SECRETS).orElse(null)))
                .orElseGet(() -> config.path(HarnessConfig.ENDPOINTS)
                        .<TargetSpec>map(endpoints -> new Running(topology, endpoints))
                        .orElse(topology));
    }
}
