package io.aoaigw.harness.target;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Embedded topologies as targets: started for the run ({@link #start}) or, given an endpoints JSON, one already
 * running ({@link #attach}). The inside view (admin API) is available; ARM is read as the topology's harness reader
 * through a loopback-only client ({@link TargetArm}).
 */
public final class EmbeddedTargets {
    /** Generous: the embedded run sends well under a hundred requests; this only stops a runaway loop. */
    private static final int MAX_REQUESTS = 2000;
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private EmbeddedTargets() {
    }

    static ResolvedTarget start(TargetSpec.Embedded spec, Path callsOut) {
        Topology declared = load(spec);
        Path workDir;
        try {
            workDir = Files.createDirectories(Path.of("target", "contract-emulator", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work folder", e);
        }
        EmbeddedTopology embedded = EmbeddedTopology.start(declared, workDir);
        try {
            return target(embedded.topology(), embedded.endpoints(), spec.file(), embedded, callsOut);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    static ResolvedTarget attach(TargetSpec.Embedded spec, Path endpointsFile, Path callsOut) {
        Topology topology = load(spec);
        try {
            return target(topology, EndpointsFile.read(endpointsFile), spec.file(), null, callsOut);
        } catch (IOException | IllegalArgumentException e) {
            throw new TargetException("cannot read the endpoints file " + endpointsFile + ": " + e.getMessage());
        }
    }

    private static Topology load(TargetSpec.Embedded spec) {
        if (spec.loaded() != null) {
            return spec.loaded();
        }
        try {
            return TopologyLoader.load(spec.file());
        } catch (Exception e) {
            throw new TargetException("cannot use topology file " + spec.file() + ": " + e.getMessage());
        }
    }

    private static ResolvedTarget target(Topology t, Endpoints ep, Path file, AutoCloseable owned, Path callsOut) {
        CallLog calls = new CallLog();
        TargetArm arm = TargetArm.embedded(ep, "the endpoints of " + file,
                h -> ArmClientDecorator.applyAll(new RecordingHttpClient(h, calls)));
        InventoryTarget names = InventoryTarget.of(t);
        String hint = "the topology file " + file;
        return ResolvedTarget.builder()
                .name(t.name(), hint)
                .arm(names, () -> arm, new ArmFacts(arm::reader, names, hint))
                .gateway(() -> ep.apim().gatewayUrl(), () -> keys(t, ep), () -> chatDeployment(t))
                .entry(() -> entry(t, ep))
                .admin(ep.admin() == null ? null : new AdminClient(ep.admin().url()))
                .trust(arm::trust)
                .run(new Budget(MAX_REQUESTS, MAX_DURATION, "bound of embedded runs"), calls,
                        Redactor.of(secrets(ep)), callsOut)
                .owned(owned)
                .build();
    }

    private static ResolvedTarget.Keys keys(Topology t, Endpoints ep) {
        List<Endpoints.Subscription> subscriptions = ep.apim().subscriptions();
        String active = subscriptions.stream().filter(s -> "active".equals(s.state()))
                .map(Endpoints.Subscription::primaryKey).findFirst()
                .orElseThrow(() -> new TargetException("the topology has no active APIM subscription: add one"));
        String suspended = subscriptions.stream().filter(s -> !"active".equals(s.state()))
                .map(Endpoints.Subscription::primaryKey).findFirst().orElse(null);
        return new ResolvedTarget.Keys(active, suspended, t.apim().api().subscriptionKey().header(),
                t.apim().api().subscriptionKey().query());
    }

    /** The APIM gateway (without the API suffix) when the topology has one, else its first account. */
    private static ResolvedTarget.Entry entry(Topology t, Endpoints ep) {
        if (ep.apim() == null) {
            return new ResolvedTarget.Entry(ep.accounts().get(0).endpoint(), "api-key", ep.accounts().get(0).apiKey());
        }
        ResolvedTarget.Keys keys = keys(t, ep);
        return new ResolvedTarget.Entry(ep.apim().gatewayUrl().replaceFirst("/openai/?$", ""), keys.header(),
                keys.active());
    }

    /** The first chat deployment of the first account (the checks of S10 say whether the others carry it). */
    private static String chatDeployment(Topology t) {
        return t.accounts().stream().map(Account::deployments).flatMap(List::stream)
                .filter(d -> d.kind() == Deployment.Kind.chat).map(Deployment::id).findFirst().orElse("gpt-4o");
    }

    /** Every secret an embedded topology's endpoints JSON holds (keys, client secret, identity header, password). */
    public static List<String> secrets(Endpoints ep) {
        List<String> secrets = new ArrayList<>();
        if (ep.apim() != null) {
            ep.apim().subscriptions().forEach(s -> secrets.add(s.primaryKey()));
        }
        ep.accounts().forEach(a -> secrets.add(a.apiKey()));
        secrets.add(ep.identity().clientSecret());
        secrets.add(ep.identity().identityHeader());
        secrets.add(ep.tls().trustStorePassword());
        return secrets;
    }
}
