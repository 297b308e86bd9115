package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.identity.ValidatedToken;
import io.aoaigw.harness.emulator.tls.EmulatorTls;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.UUID;

/**
 * Azure Resource Manager for the topology, read-only, on one HTTPS listener on 127.0.0.1: the GET routes an inventory
 * needs (API Management, Front Door, Cognitive Services, role assignments and definitions, the resource group),
 * with ARM's bearer check (audience {@code https://management.azure.com}), error shapes and nextLink paging. Every
 * request is recorded; anything but GET is refused with 405 and counted. docs/arm.md lists routes and api-versions.
 */
public final class ArmEmulator {
    private final Topology topology;
    private final ArmAuthenticator authenticator;
    private final ArmAuthorizer authorizer;
    private final ArmRoutes routes;
    private final ArmRequestLog log;
    private final ExportBlobs blobs = new ExportBlobs(Clock.systemUTC());
    private final ReadBudget reads;
    private final int pageSize;
    private HttpServer server;

    private ArmEmulator(Topology topology, AccessTokenValidator validator, ArmView view, ArmSettings settings) {
        this.topology = topology;
        this.authenticator = new ArmAuthenticator(validator);
        this.authorizer = new ArmAuthorizer(topology);
        this.log = new ArmRequestLog(Clock.systemUTC());
        this.pageSize = settings.pageSize();
        this.reads = new ReadBudget(Clock.systemUTC(), settings.readsPerHour());
        this.routes = new ArmRoutes(topology);
        ApimResources apimResources = new ApimResources(topology, view, blobs);
        apimResources.register(routes);
        new ApimDiagnosticsResources(apimResources).register(routes);
        new FrontDoorResources(topology, view).register(routes);
        new CognitiveResources(topology, view).register(routes);
        new AuthorizationResources(topology).register(routes);
        new ResourceGroupResources(topology).register(routes);
        new MetricsResources(topology, view).register(routes);
    }

    /** Starts with {@link ArmSettings#defaults()}: ephemeral port, 100 items a page. */
    public static Future<ArmEmulator> start(Vertx vertx, Topology topology, EmulatorTls tls,
                                            AccessTokenValidator validator, ArmView view) {
        return start(vertx, topology, tls, validator, view, ArmSettings.defaults());
    }

    /** Listens; the future fails when the port cannot be bound. */
    public static Future<ArmEmulator> start(Vertx vertx, Topology topology, EmulatorTls tls,
                                            AccessTokenValidator validator, ArmView view, ArmSettings settings) {
        ArmEmulator emulator;
        try {
            emulator = new ArmEmulator(topology, validator, view, settings);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return vertx.createHttpServer(tls.loopbackServerOptions(settings.port()))
                .requestHandler(emulator::handle)
                .listen()
                .map(listening -> {
                    emulator.server = listening;
                    return emulator;
                });
    }

    public Future<Void> stop() {
        HttpServer listening = server;
        return listening == null ? Future.succeededFuture() : listening.close();
    }

    public int port() {
        return server.actualPort();
    }

    /** What the SDK's {@code resourceManagerEndpointUrl} takes: {@code https://127.0.0.1:PORT/}. */
    public String endpoint() {
        return baseUrl() + "/";
    }

    public String subscriptionId() {
        return topology.subscriptionId();
    }

    public String resourceGroup() {
        return topology.resourceGroup();
    }

    /** Every request answered so far, and the count of refused writes. */
    public ArmRequestLog requestLog() {
        return log;
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + port();
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            reply(request, ArmResult.of(ArmError.methodNotAllowed(request.method().name(), request.path())));
            return;
        }
        if (request.path().startsWith(ExportBlobs.PREFIX)) {
            serveBlob(request);
            return;
        }
        authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION)).onComplete(authenticated -> {
            if (authenticated.failed()) {
                reply(request, ArmResult.of(authenticated.cause() instanceof ArmAuthenticator.Refused refused
                        ? refused.error : new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.")));
                return;
            }
            ReadBudget.Take take = reads.take(authenticated.result().objectId());
            if (take.throttled()) {
                request.response().putHeader("Retry-After", String.valueOf(take.retryAfterSeconds()));
                reply(request, ArmResult.of(ArmError.readsThrottled(topology.subscriptionId(),
                        authenticated.result().objectId(), take.retryAfterSeconds())));
                return;
            }
            request.response().putHeader(ReadBudget.HEADER, String.valueOf(take.remaining()));
            reply(request, route(request, authenticated.result()));
        });
    }

    private ArmResult route(HttpServerRequest request, ValidatedToken caller) {
        try {
            String path = normalized(request.path());
            return authorizer.authorize(caller, path).map(ArmResult::of).orElseGet(() ->
                    routes.dispatch(new ArmExchange(baseUrl(), path, request.params(), pageSize)));
        } catch (RuntimeException e) {
            return ArmResult.of(new ArmError(500, "InternalServerError", "The emulated Resource Manager failed: "
                    + e.getMessage()));
        }
    }

    /** An export link: no credential, as a SAS link needs none; 404 BlobNotFound once expired. */
    private void serveBlob(HttpServerRequest request) {
        log.record("GET", request.path(), request.query(), blobs.get(request.path()).isPresent() ? 200 : 404);
        blobs.get(request.path()).ifPresentOrElse(
                b -> request.response().putHeader(HttpHeaders.CONTENT_TYPE, b.contentType()).end(b.body()),
                () -> request.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/xml")
                        .end("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code>"
                                + "<Message>The specified blob does not exist.</Message></Error>"));
    }

    /** ARM ignores repeated slashes; the SDK's generic client sends {@code //subscriptions/…} (host + "/" + id). */
    private static String normalized(String path) {
        return path.replaceAll("/{2,}", "/");
    }

    private void reply(HttpServerRequest request, ArmResult result) {
        log.record(request.method().name(), request.path(), request.query(), result.status());
        String requestId = UUID.randomUUID().toString();
        var response = request.response().setStatusCode(result.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader("x-ms-request-id", requestId)
                .putHeader("x-ms-correlation-request-id", requestId);
        if (result.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                    + result.body().getJsonObject("error").getString("message").replace("\"", "'") + "\"");
        }
        if (result.status() == 405) {
            response.putHeader(HttpHeaders.ALLOW, "GET");
        }
        response.end(result.body().encode());
    }
}
