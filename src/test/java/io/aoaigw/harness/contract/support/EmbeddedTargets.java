package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.tls.AzureHttpClients;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.spec.arm.ArmSpecHttpClient;
import io.aoaigw.harness.testsupport.AzureCredentials;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.ApimApi;
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
 * Embedded topologies as contract targets: started for the run ({@link #start}) or, given an endpoints JSON, one
 * already running ({@link #attach}). The inside view (admin API) is available; ARM is read as the topology's
 * harness reader through a loopback-only client.
 */
public final class EmbeddedTargets {
    /** Generous: the embedded run sends well under a hundred requests; this only stops a runaway loop. */
    private static final int MAX_REQUESTS = 2000;
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private EmbeddedTargets() {
    }

    public static ContractTarget start(Path topologyFile, Path callsOut) {
        Topology declared = load(topologyFile);
        Path workDir;
        try {
            workDir = Files.createDirectories(Path.of("target", "contract-emulator", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work folder", e);
        }
        EmbeddedTopology embedded = EmbeddedTopology.start(declared, workDir);
        try {
            return target(embedded.topology(), embedded.endpoints(), topologyFile, embedded, callsOut);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    public static ContractTarget attach(Path topologyFile, Path endpointsFile, Path callsOut) {
        try {
            return target(load(topologyFile), EndpointsFile.read(endpointsFile), topologyFile, null, callsOut);
        } catch (IOException e) {
            throw new ContractFailure("cannot read the endpoints file " + endpointsFile + ": " + e.getMessage());
        }
    }

    private static Topology load(Path file) {
        try {
            return TopologyLoader.load(file);
        } catch (Exception e) {
            throw new ContractFailure("cannot use topology file " + file + ": " + e.getMessage());
        }
    }

    private static ContractTarget target(Topology t, Endpoints ep, Path file, AutoCloseable owned, Path callsOut) {
        CallLog calls = new CallLog();
        TrustMaterial trust = TrustMaterial.load(ep.tls());
        InventoryReader reader = new InventoryReader(
                new ArmEndpoint(ep.arm().endpoint(), ep.identity().authorityHost(), ep.identity().tenantId()),
                AzureCredentials.clientSecret(ep.identity().authorityHost(), ep.identity().tenantId(),
                        ep.identity().clientId(), ep.identity().clientSecret(),
                        new RecordingHttpClient(AzureHttpClients.loopbackOnly(trust), calls)),
                ArmSpecHttpClient.wrapIfEnabled(new RecordingHttpClient(AzureHttpClients.loopbackOnly(trust), calls)));
        InventoryTarget names = InventoryTarget.of(t);
        String hint = "the topology file " + file;
        return ContractTarget.builder()
                .name(t.name(), hint)
                .arm(names, ep.arm().endpoint(), new ArmFacts(reader, names, hint))
                .gateway(() -> ep.apim().gatewayUrl(), () -> keys(t.apim().api(), ep), chatDeployment(t))
                .inside(new InsideView(ep.admin().url(), names.accounts(), calls))
                .run(new Budget(MAX_REQUESTS, MAX_DURATION, "bound of embedded runs"), calls,
                        Redactor.of(secrets(ep)), callsOut)
                .owned(owned)
                .build();
    }

    private static ContractTarget.Keys keys(ApimApi api, Endpoints ep) {
        List<Endpoints.Subscription> subscriptions = ep.apim().subscriptions();
        String active = subscriptions.stream().filter(s -> "active".equals(s.state()))
                .map(Endpoints.Subscription::primaryKey).findFirst()
                .orElseThrow(() -> new ContractFailure("the topology has no active APIM subscription: add one"));
        String suspended = subscriptions.stream().filter(s -> !"active".equals(s.state()))
                .map(Endpoints.Subscription::primaryKey).findFirst().orElse(null);
        return new ContractTarget.Keys(active, suspended, api.subscriptionKey().header(), api.subscriptionKey().query());
    }

    /** The first chat deployment of the first account (the checks of S10 say whether the others carry it). */
    private static String chatDeployment(Topology t) {
        return t.accounts().stream().map(Account::deployments).flatMap(List::stream)
                .filter(d -> d.kind() == Deployment.Kind.chat).map(Deployment::id).findFirst().orElse("gpt-4o");
    }

    /** Every secret an embedded topology's endpoints JSON holds (keys, client secret, identity header, password). */
    public static List<String> secrets(Endpoints ep) {
        List<String> secrets = new ArrayList<>();
        ep.apim().subscriptions().forEach(s -> secrets.add(s.primaryKey()));
        ep.accounts().forEach(a -> secrets.add(a.apiKey()));
        secrets.add(ep.identity().clientSecret());
        secrets.add(ep.identity().identityHeader());
        secrets.add(ep.tls().trustStorePassword());
        return secrets;
    }
}
