package io.aoaigw.harness.contract.support;

import java.nio.file.Path;

/**
 * Builds the run's target from its configuration: {@code harness.target=FILE} (a real deployment), else
 * {@code harness.endpoints=FILE} (an embedded topology already running, named by {@code harness.topology}), else
 * the embedded topology of {@code harness.topology} (default {@value HarnessConfig#DEFAULT_TOPOLOGY}) started now.
 */
final class TargetResolver {
    private TargetResolver() {
    }

    static ContractTarget resolve(HarnessConfig config) {
        Path callsOut = config.path(HarnessConfig.CALLS_OUT).orElse(null);
        Path topology = config.path(HarnessConfig.TOPOLOGY).orElse(Path.of(HarnessConfig.DEFAULT_TOPOLOGY));
        return config.path(HarnessConfig.TARGET)
                .map(file -> RealTargets.load(file, config.path(HarnessConfig.SECRETS).orElse(null), callsOut))
                .orElseGet(() -> config.path(HarnessConfig.ENDPOINTS)
                        .map(endpoints -> EmbeddedTargets.attach(topology, endpoints, callsOut))
                        .orElseGet(() -> EmbeddedTargets.start(topology, callsOut)));
    }
}
