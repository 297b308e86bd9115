package io.aoaigw.harness.emulator;

import io.aoaigw.harness.emulator.admin.AccountAdmin;
import io.aoaigw.harness.emulator.admin.AdminApi;
import io.aoaigw.harness.emulator.admin.AdminRoutes;
import io.aoaigw.harness.emulator.admin.IdentityAdmin;
import io.aoaigw.harness.emulator.admin.FrontDoorAdmin;
import io.aoaigw.harness.emulator.admin.ApimAdmin;
import io.aoaigw.harness.emulator.admin.ArmAdmin;
import io.aoaigw.harness.emulator.aoai.AccountEmulator;
import io.aoaigw.harness.emulator.aoai.EmulatorSettings;
import io.aoaigw.harness.emulator.apim.ApimBackends;
import io.aoaigw.harness.emulator.apim.ApimEmulator;
import io.aoaigw.harness.emulator.arm.ArmEmulator;
import io.aoaigw.harness.emulator.arm.ArmView;
import io.aoaigw.harness.emulator.frontdoor.FrontDoorEmulator;
import io.aoaigw.harness.emulator.frontdoor.FrontDoorOptions;
import io.aoaigw.harness.emulator.identity.IdentityEmulator;
import io.aoaigw.harness.emulator.identity.IdentitySettings;
import io.aoaigw.harness.emulator.identity.JwksAccessTokenValidator;
import io.aoaigw.harness.emulator.monitor.MetricsSource;
import io.aoaigw.harness.emulator.tls.EmulatorTls;
import io.aoaigw.harness.emulator.tls.ListenerTls;
import io.aoaigw.harness.emulator.tls.TlsWarmUp;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.GeneratedKeys;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole embedded deployment in one JVM on loopback: identity provider, Azure OpenAI accounts (and, as they are
 * built, Front Door, API Management and ARM), plus the admin API. Components reach each other only over HTTP.
 * Starting blocks until every listener is up; {@link #close()} stops them all.
 */
public final class EmbeddedTopology implements AutoCloseable {
    private final Vertx vertx;
    private final Topology topology;
    private final IdentityEmulator identity;
    private final JwksAccessTokenValidator validator;
    private final Map<String, AccountEmulator> accounts;
    private final FrontDoorEmulator frontDoor;
    private final ApimEmulator apim;
    private final ArmEmulator arm;
    private final AdminApi admin;
    private final Endpoints endpoints;
    private final TrustMaterial trust;
    private final Future<Void> ready;

    private EmbeddedTopology(Vertx vertx, Topology topology, IdentityEmulator identity,
                             JwksAccessTokenValidator validator, Map<String, AccountEmulator> accounts,
                             FrontDoorEmulator frontDoor, ApimEmulator apim, ArmEmulator arm, AdminApi admin,
                             TrustMaterial trust, Endpoints.Tls tls, Future<Void> ready) {
        this.vertx = vertx;
        this.trust = trust;
        this.ready = ready;
        this.topology = topology;
        this.identity = identity;
        this.validator = validator;
        this.accounts = accounts;
        this.frontDoor = frontDoor;
        this.apim = apim;
        this.arm = arm;
        this.admin = admin;
        this.endpoints = new Endpoints(apim == null ? null : apimSection(topology, apim),
                frontDoor == null ? null : new Endpoints.FrontDoor(frontDoor.endpointUrl()),
                topology.accounts().stream().map(a -> new Endpoints.Account(a.name(), a.region(),
                        accounts.get(a.name()).endpoint(), a.keys().get(0))).toList(),
                identity.endpointsSection(),
                new Endpoints.Arm(arm.endpoint(), topology.subscriptionId(), topology.resourceGroup()),
                new Endpoints.Admin(admin.url()), tls);
    }

    /**
     * Starts every component of the topology; keys it leaves out are generated. Identity and ARM always speak HTTPS;
     * APIM, Front Door and the accounts as the topology's {@code transport} says (HTTPS by default). The trust store
     * is written to {@code workDir/truststore.p12} and {@code workDir/truststore.pem}.
     */
    public static EmbeddedTopology start(Topology declared, Path workDir) {
        return start(declared, workDir, true);
    }

    /**
     * Like {@link #start(Topology, Path)} but returns as soon as every listener is up: the accounts' tokenizers
     * may still be loading ({@link #ready()}), and requests arriving before wait for them. What {@code emulate}
     * uses, so the endpoints file is written a second sooner.
     */
    public static EmbeddedTopology startListening(Topology declared, Path workDir) {
        return start(declared, workDir, false);
    }

    private static EmbeddedTopology start(Topology declared, Path workDir, boolean awaitReady) {
        TlsWarmUp.beginOnce();
        Topology topology = GeneratedKeys.fillMissing(declared);
        // native transport (epoll/io_uring) when available: it roughly doubles the frames/s of many paced streams
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            EmulatorTls tls = EmulatorTls.generate();
            Endpoints.Tls trustStore = tls.writeTrustStore(workDir.resolve("truststore.p12"));
            ListenerTls dataPlane = topology.transport() == Topology.Transport.https ? ListenerTls.https(tls)
                    : ListenerTls.plain(tls.trust());
            IdentityEmulator identity = IdentityEmulator.start(vertx, topology, tls, IdentitySettings.defaults())
                    .await();
            JwksAccessTokenValidator validator = new JwksAccessTokenValidator(vertx, identity.jwksUri(),
                    topology.tenantId(), tls.trust());
            List<Future<AccountEmulator>> starting = new ArrayList<>();
            for (int i = 0; i < topology.accounts().size(); i++) {
                Account a = topology.accounts().get(i);
                starting.add(bound(AccountEmulator.start(vertx, topology, a, validator,
                        EmulatorSettings.DEFAULTS, dataPlane), "accounts[" + i + "].port",
                        "account " + a.name(), a.port()));
            }
            Future.all(starting).await();
            Map<String, AccountEmulator> accounts = starting.stream().map(Future::result)
                    .collect(Collectors.toMap(a -> a.account().name(), Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
            FrontDoorEmulator frontDoor = topology.frontDoor() == null ? null
                    : bound(FrontDoorEmulator.start(vertx, topology, originUrls(topology, accounts),
                    FrontDoorOptions.defaults(), dataPlane),
                    "frontDoor.port", "Front Door " + topology.frontDoor().endpoint(), topology.frontDoor().port())
                    .await();
            ApimEmulator apim = topology.apim() == null ? null
                    : bound(ApimEmulator.start(vertx, topology, apimBackends(topology, tls, identity, accounts,
                    frontDoor), dataPlane), "apim.port", "APIM " + topology.apim().name(), topology.apim().port())
                    .await();
            ArmEmulator arm = ArmEmulator.start(vertx, topology, tls, validator,
                    armView(topology, accounts, frontDoor, apim)).await();
            AdminRoutes routes = new AdminRoutes();
            AccountAdmin.register(routes, accounts);
            if (frontDoor != null) {
                FrontDoorAdmin.register(routes, frontDoor);
            }
            if (apim != null) {
                ApimAdmin.register(routes, apim);
            }
            ArmAdmin.register(routes, arm);
            IdentityAdmin.register(routes, identity);
            AdminApi admin = AdminApi.start(vertx, routes, 0).await();
            // the tokenizers begin loading only now, once every listener is up (TokenizerLoading)
            Future<Void> ready = Future.all(accounts.values().stream().map(AccountEmulator::tokenizersLoaded)
                    .toList()).mapEmpty();
            if (awaitReady) {
                ready.await();
            }
            return new EmbeddedTopology(vertx, topology, identity, validator, accounts, frontDoor, apim,
                    arm, admin, tls.trust(), trustStore, ready);
        } catch (EmulatorStartException e) {
            vertx.close();
            throw e;
        } catch (RuntimeException e) {
            vertx.close();
            throw new EmulatorStartException("topology '" + topology.name() + "' did not start: " + e.getMessage(), e);
        }
    }

    /** A fixed port that cannot be bound is the user's setting: name its field, not the socket call. */
    private static <T> Future<T> bound(Future<T> listening, String field, String component, int port) {
        return port == 0 ? listening : listening.recover(e -> Future.failedFuture(
                EmulatorStartException.portUnavailable(field, component, port, e)));
    }

    private static Map<String, URI> originUrls(Topology topology, Map<String, AccountEmulator> accounts) {
        return topology.frontDoor().origins().stream().collect(Collectors.toMap(FrontDoor.Origin::name,
                o -> URI.create(accounts.get(o.account()).endpoint())));
    }

    /** What APIM calls: Front Door, the accounts (for misrouted serviceUrls) and its identity's token endpoint. */
    private static ApimBackends apimBackends(Topology topology, EmulatorTls tls, IdentityEmulator identity,
                                             Map<String, AccountEmulator> accounts, FrontDoorEmulator frontDoor) {
        String apimIdentity = topology.apim().identity();
        return new ApimBackends(frontDoor == null ? null : URI.create(frontDoor.endpointUrl()),
                accounts.values().stream().collect(Collectors.toMap(a -> a.account().name(),
                        a -> URI.create(a.endpoint()))),
                URI.create(identity.managedIdentityEndpoint()),
                apimIdentity == null ? null : identity.identityHeaderFor(apimIdentity),
                tls.trust().vertxClientOptions());
    }

    /** What ARM reports of the running deployment: the very URLs the gateways forward to, and their metrics. */
    private static ArmView armView(Topology topology, Map<String, AccountEmulator> accounts,
                                   FrontDoorEmulator frontDoor, ApimEmulator apim) {
        MetricsSource metrics = frontDoor == null ? MetricsSource.NONE : MetricsSource.of(topology.resourceGroupId()
                + "/providers/Microsoft.Cdn/profiles/" + topology.frontDoor().profile(), frontDoor.metrics().byName());
        for (AccountEmulator a : accounts.values()) {
            metrics = metrics.or(MetricsSource.of(topology.accountResourceId(a.account().name()),
                    a.metrics().byName()));
        }
        return new ArmView(apim == null ? null : apim.gatewayUrl(), frontDoor == null ? null : frontDoor.endpointUrl(),
                accounts.values().stream().collect(Collectors.toMap(a -> a.account().name(),
                        AccountEmulator::endpoint)), metrics);
    }

    private static Endpoints.Apim apimSection(Topology topology, ApimEmulator apim) {
        return new Endpoints.Apim(apim.gatewayUrl(), topology.apim().subscriptions().stream()
                .map(s -> new Endpoints.Subscription(s.name(),
                        s.scope().startsWith("product:") ? s.scope().substring("product:".length()) : null,
                        s.state(), s.primaryKey()))
                .toList());
    }

    /** Completes when every account has loaded its tokenizers (at once after {@link #start(Topology, Path)}). */
    public Future<Void> ready() {
        return ready;
    }

    /** The topology as running, with generated keys filled in. */
    public Topology topology() {
        return topology;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** What an in-process client trusts to reach every HTTPS listener of this run (the endpoints JSON's tls). */
    public TrustMaterial trust() {
        return trust;
    }

    public AccountEmulator account(String name) {
        AccountEmulator account = accounts.get(name);
        if (account == null) {
            throw new IllegalArgumentException("no account named '" + name + "' in topology " + topology.name());
        }
        return account;
    }

    /** The Front Door emulator; empty when the topology has no Front Door. */
    public java.util.Optional<FrontDoorEmulator> frontDoor() {
        return java.util.Optional.ofNullable(frontDoor);
    }

    /** The API Management emulator; empty when the topology has no APIM. */
    public java.util.Optional<ApimEmulator> apim() {
        return java.util.Optional.ofNullable(apim);
    }

    public ArmEmulator arm() {
        return arm;
    }

    public IdentityEmulator identity() {
        return identity;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Stops the components front to back (so no timer fires into a closed client), then Vert.x. */
    @Override
    public void close() {
        try {
            List<Future<Void>> stopping = new ArrayList<>();
            stopping.add(arm.stop());
            if (apim != null) {
                stopping.add(apim.stop());
            }
            if (frontDoor != null) {
                stopping.add(frontDoor.stop());
            }
            stopping.add(validator.close());
            Future.join(stopping).await();
        } finally {
            vertx.close().await();
        }
    }
}
