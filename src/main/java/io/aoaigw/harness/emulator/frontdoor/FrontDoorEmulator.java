package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.emulator.OutcomeTally;
import io.aoaigw.harness.emulator.tls.ListenerTls;
import io.aoaigw.harness.host.LoopbackGuard;
import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Azure Front Door (Standard/Premium) in front of the accounts: its own HTTP listener on 127.0.0.1 that probes the
 * origins, picks one per request as Front Door does ({@link OriginSelector}) and streams the answer back. It reaches
 * the accounts only over HTTP, at the base URLs given by whoever starts the topology.
 *
 * <p>Choices where Azure's behaviour is unconfirmed: origins start healthy (see {@link ProbeWindow}); every answer,
 * errors included, carries {@code X-Cache: CONFIG_NOCACHE} (the route does not cache, which is what an OpenAI route
 * must do); error answers are Azure's generic HTML page ({@link ErrorPage}, {@link ErrorInfo});
 * {@code retryOnServerError} retries a 5xx/429 or a connection failure once on another origin, never a timeout.
 *
 * <p>The methods below the lifecycle ones are the Java side of the admin API.
 */
public final class FrontDoorEmulator {
    /** Front Door's cache verdict for a route without caching. */
    static final String X_CACHE = "CONFIG_NOCACHE";

    private final FrontDoor config;
    private final UUID frontDoorId;
    private final HttpServer server;
    private final HttpClientAgent client;
    private final List<OriginState> origins;
    private final OriginSelector selector;
    private final HealthProber prober;
    private final Forwarding forwarding;

    private final FrontDoorMetrics metrics;
    private final ListenerTls tls;

    private FrontDoorEmulator(Vertx vertx, Topology topology, List<OriginState> origins, FrontDoorMetrics metrics,
                              FrontDoorOptions options, ListenerTls tls) {
        this.metrics = metrics;
        this.tls = tls;
        this.config = topology.frontDoor();
        FrontDoor.OriginGroup group = config.originGroup();
        this.frontDoorId = AzureRef.frontDoorId(topology.subscriptionId(), topology.resourceGroup(), config.profile());
        this.origins = origins;
        this.selector = new OriginSelector(origins, group.loadBalancing().additionalLatencyInMilliseconds(),
                options.random());
        Duration timeout = options.originResponseTimeout() != null ? options.originResponseTimeout()
                : Duration.ofSeconds(group.originResponseTimeoutSeconds());
        Duration interval = options.probeInterval() != null ? options.probeInterval()
                : Duration.ofSeconds(group.healthProbe().intervalSeconds());
        this.client = vertx.createHttpClient(tls.client(new HttpClientOptions().setKeepAlive(true)),
                new PoolOptions().setHttp1MaxSize(10_000)); // one connection per in-flight stream, as under load
        this.prober = new HealthProber(vertx, client, group.healthProbe(), origins, interval, timeout);
        this.forwarding = new Forwarding(vertx, client, selector, new AzureRef(frontDoorId), frontDoorId.toString(),
                timeout.toMillis(), group.retryOnServerError(), new LongAdder(), new Tally(), new LongAdder(),
                new OutcomeTally());
        this.server = vertx.createHttpServer(tls.server(new HttpServerOptions().setHost("127.0.0.1")
                .setPort(config.port())));
    }

    public static Future<FrontDoorEmulator> start(Vertx vertx, Topology topology, Map<String, URI> originUrls) {
        return start(vertx, topology, originUrls, FrontDoorOptions.defaults());
    }

    /**
     * Binds the listener (failing when the port is taken), then starts probing.
     *
     * @param originUrls origin name → base URL of its account, e.g. {@code http://127.0.0.1:PORT}; loopback only
     */
    public static Future<FrontDoorEmulator> start(Vertx vertx, Topology topology, Map<String, URI> originUrls,
                                                  FrontDoorOptions options) {
        return start(vertx, topology, originUrls, options, ListenerTls.PLAIN);
    }

    /** As {@link #start(Vertx, Topology, Map, FrontDoorOptions)}, listening and reaching origins with {@code tls}. */
    public static Future<FrontDoorEmulator> start(Vertx vertx, Topology topology, Map<String, URI> originUrls,
                                                  FrontDoorOptions options, ListenerTls tls) {
        FrontDoorEmulator emulator;
        try {
            FrontDoor fd = topology.frontDoor();
            FrontDoorMetrics metrics = new FrontDoorMetrics(java.time.Clock.systemUTC(),
                    fd == null ? null : fd.originGroup().name(), fd == null ? null : fd.endpoint());
            emulator = new FrontDoorEmulator(vertx, topology, originStates(topology, originUrls, metrics), metrics,
                    options, tls);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return emulator.server.requestHandler(emulator::route)
                .listen()
                .onFailure(e -> emulator.client.close())
                .map(bound -> {
                    emulator.prober.start();
                    return emulator;
                });
    }

    private static List<OriginState> originStates(Topology topology, Map<String, URI> originUrls,
                                                  FrontDoorMetrics metrics) {
        FrontDoor fd = topology.frontDoor();
        if (fd == null) {
            throw new IllegalArgumentException("the topology has no frontDoor");
        }
        return fd.origins().stream().map(o -> {
            URI url = originUrls.get(o.name());
            if (url == null) {
                throw new IllegalArgumentException("no URL for origin '" + o.name() + "'");
            }
            // the emulator talks to nothing but this machine
            LoopbackGuard.requireLoopbackOr(url, "origin URL is not a loopback address: " + url);
            return new OriginState(o, url, fd.originGroup().loadBalancing(), metrics);
        }).toList();
    }

    /** {@code https://127.0.0.1:PORT} (http with plain listeners) — what APIM's backend points at. */
    public String endpointUrl() {
        return tls.url("127.0.0.1", server.actualPort());
    }

    public int port() {
        return server.actualPort();
    }

    /** The stable {@code X-Azure-FDID} of this profile. */
    public String frontDoorId() {
        return frontDoorId.toString();
    }

    public Future<Void> stop() {
        prober.stop();
        return server.close().eventually(() -> client.close());
    }

    // ---- admin API (Java side) ----

    /**
     * Through the route that serves the path, else Front Door's 404 page, as an endpoint without one does. A route
     * to another origin group sends to hosts the emulator never calls (loopback only): Front Door's 503 page.
     */
    private void route(HttpServerRequest request) {
        java.util.Optional<FrontDoor.Route> route = config.routeFor(request.path());
        ProxyExchange.handle(forwarding, request, route.isEmpty() ? ErrorInfo.NoMatchingRoute
                : config.isAccountsGroup(route.get().originGroup()) ? null : ErrorInfo.OriginConnectionError);
    }

    /** What Azure Monitor shows of this Front Door: origin health and latency per minute. */
    public FrontDoorMetrics metrics() {
        return metrics;
    }

    public FrontDoorStats stats() {
        OriginSelector.Plan plan = selector.plan(Set.of());
        List<OriginStats> originStats = origins.stream()
                .map(o -> o.stats(plan.effectiveWeight(o), plan.share(o))).toList();
        return new FrontDoorStats(config.profile(), config.endpoint(), frontDoorId(), endpointUrl(),
                prober.interval().toMillis(), plan.routing().name(), forwarding.requests().sum(),
                forwarding.errors().snapshot(), forwarding.retries().sum(), originStats,
                forwarding.outcomes().snapshot());
    }

    /** @throws NoSuchElementException when no origin has this name */
    public OriginStats originStats(String originName) {
        OriginSelector.Plan plan = selector.plan(Set.of());
        OriginState origin = origin(originName);
        return origin.stats(plan.effectiveWeight(origin), plan.share(origin));
    }

    /** Takes an origin out of (or back into) rotation at once, as the portal's enabled state does. */
    public void setOriginEnabled(String originName, boolean enabled) {
        origin(originName).enabled(enabled);
    }

    /** Overrides the probe interval from now on (tests; Azure's range is 1–255 s). */
    public void setProbeInterval(Duration interval) {
        prober.interval(interval);
    }

    /** Zeroes the traffic and probe counters; health, enabled state and probe windows stay. */
    public void resetCounters() {
        origins.forEach(o -> o.counters().reset());
        forwarding.requests().reset();
        forwarding.errors().reset();
        forwarding.retries().reset();
        forwarding.outcomes().reset();
    }

    private OriginState origin(String name) {
        return origins.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no origin named '" + name + "'"));
    }
}
