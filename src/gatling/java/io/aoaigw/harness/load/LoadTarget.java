package io.aoaigw.harness.load;

import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.ArmFacts;
import io.aoaigw.harness.target.HarnessConfig;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.target.TargetException;
import io.aoaigw.harness.target.TargetFile;
import io.aoaigw.harness.target.TargetResolver;
import io.aoaigw.harness.target.TargetSpec;
import io.aoaigw.harness.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a simulation sends its load, resolved as every target is ({@link TargetResolver}): by default the profile's
 * topology started in-process, so {@code ./mvnw gatling:test} needs nothing running; with
 * {@code -Dharness.endpoints=FILE} a topology already running beside (the endpoints JSON that
 * {@code java -jar target/aoai-gateway-harness.jar emulate} writes), which must run the profile's topology; with
 * {@code -Dharness.target=FILE} a real deployment's gateway (keys from the environment or
 * {@code -Dharness.secrets=FILE}), which has no admin API: no faults, no ground truth, no expected shares. The load
 * calls the gateway as declared ({@link ResolvedTarget#entry}): the APIM gateway, else the topology's first account.
 */
final class LoadTarget implements AutoCloseable {
    private final ResolvedTarget resolved;
    private final ResolvedTarget.Entry entry;

    private LoadTarget(ResolvedTarget resolved, ResolvedTarget.Entry entry) {
        this.resolved = resolved;
        this.entry = entry;
    }

    /** A real deployment ({@code -Dharness.target}), a topology running beside, else this one started in-process. */
    static LoadTarget of(Path topologyFile, Topology topology) {
        TargetSpec spec = TargetSpec.of(HarnessConfig.systemProperties(),
                new TargetSpec.Embedded(topologyFile, topology));
        ResolvedTarget resolved = null;
        try {
            resolved = TargetResolver.resolve(spec, null);
            LoadTarget target = new LoadTarget(resolved, resolved.entry());
            target.real().ifPresent(t -> System.out.println("load target: " + t.name() + " at "
                    + target.baseUrl() + " (" + spec.describe() + ")"));
            return target;
        } catch (TargetException e) {
            close(resolved);
            return BadInput.exit(e.getMessage());
        }
    }

    /** The real deployment's file, if the load goes to one; its limits bound the run too. */
    Optional<TargetFile> real() {
        return resolved.file();
    }

    /** Whether the target has an admin API (faults, ground truth): emulated ones do, real deployments do not. */
    boolean hasAdmin() {
        return resolved.admin().isPresent();
    }

    /** The admin API of the emulated topology; keys stay in memory, never logged. */
    AdminClient admin() {
        return resolved.admin().orElseThrow();
    }

    List<String> accountNames() {
        return resolved.names().accounts();
    }

    /** What Resource Manager says of the target, read with its reader credential on first use. */
    ArmFacts arm() {
        return resolved.arm();
    }

    /** An account's ARM id, for its Azure Monitor metrics. */
    String accountResourceId(String account) {
        return resolved.names().resourceGroupId() + "/providers/Microsoft.CognitiveServices/accounts/" + account;
    }

    /** The text without any of the target's keys, for messages that may quote a credential's error. */
    String redact(String text) {
        return resolved.redactor().redact(text);
    }

    String baseUrl() {
        return entry.baseUrl();
    }

    String keyHeader() {
        return entry.keyHeader();
    }

    String key() {
        return entry.key();
    }

    /** Stops the topology if this run started it; one running beside is left running. */
    @Override
    public void close() {
        close(resolved);
    }

    private static void close(ResolvedTarget resolved) {
        try {
            if (resolved != null) {
                resolved.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the load target: " + e.getMessage(), e);
        }
    }
}
