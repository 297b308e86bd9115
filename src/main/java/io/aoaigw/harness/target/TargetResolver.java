package io.aoaigw.harness.target;

import io.aoaigw.harness.yaml.YamlFileException;
import java.nio.file.Path;

/**
 * The one place a target is resolved: contract suites, load simulations and detection all come here with a
 * {@link TargetSpec}. A bad spec fails with one {@link TargetException} naming the file.
 */
public final class TargetResolver {
    private TargetResolver() {
    }

    /** @param callsOut where the URLs called are written when the target is closed, or null */
    public static ResolvedTarget resolve(TargetSpec spec, Path callsOut) {
        if (spec instanceof TargetSpec.Real real) {
            return RealTargets.load(real.file(), real.secrets(), callsOut);
        }
        if (spec instanceof TargetSpec.Running running) {
            return EmbeddedTargets.attach(running.topology(), running.endpoints(), callsOut);
        }
        return EmbeddedTargets.start((TargetSpec.Embedded) spec, callsOut);
    }

    /**
     * A real target's file, validated, and (when {@code keys}) the check that the environment or {@code secrets} holds
     * every key it names; contacts nothing ({@code check-target}).
     *
     * @throws TargetKeys.TargetKeyException naming the variable or the secrets file's line
     */
    public static TargetFile check(Path file, Path secrets, boolean keys) throws YamlFileException {
        TargetFile target = TargetLoader.load(file);
        if (keys) {
            TargetKeys.resolve(target, TargetKeys.environment(secrets));
        }
        return target;
    }

    /** The target a run's configuration names ({@link TargetSpec#of(HarnessConfig)}), its call log as configured. */
    public static ResolvedTarget resolve(HarnessConfig config) {
        return resolve(TargetSpec.of(config), config.path(HarnessConfig.CALLS_OUT).orElse(null));
    }
}
