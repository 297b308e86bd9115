package io.aoaigw.harness.emulator.identity;

import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.tls.EmulatorTls;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Entra ID and the App Service managed-identity endpoint, as one HTTPS listener on 127.0.0.1: the
 * client-credentials token endpoint, OIDC discovery and JWKS of the topology's tenant, and {@code /msi/token}.
 * Clients reach it only over HTTP (azure-identity with {@code authorityHost}, or {@code IDENTITY_ENDPOINT}).
 */
public final class IdentityEmulator {
    private static final String COMMON = "common";

    private final Topology topology;
    private final TokenIssuer issuer;
    private final TokenIssueLog log;
    private final TokenEndpoint tokenEndpoint;
    private final ManagedIdentityEndpoint managedIdentity;
    private final DiscoveryEndpoints discovery;
    private final Refusals refusals;
    private final List<Route> routes;
    private volatile HttpServer server;

    private IdentityEmulator(Topology topology, TokenIssuer issuer, TokenIssueLog log) {
        this.topology = topology;
        this.issuer = issuer;
        this.log = log;
        this.refusals = new Refusals(log, this::authorityHost);
        this.tokenEndpoint = new TokenEndpoint(topology, issuer, refusals);
        this.managedIdentity = new ManagedIdentityEndpoint(topology, issuer, refusals);
        this.discovery = new DiscoveryEndpoints(issuer, this::authorityHost);
        this.routes = List.of(
                new Route(Pattern.compile("/([^/]+)/oauth2/v2\\.0/token"), this::token),
                new Route(Pattern.compile("/([^/]+)/v2\\.0/\\.well-known/openid-configuration"), this::openIdConfiguration),
                new Route(Pattern.compile("/([^/]+)/discovery(?:/v2\\.0)?/keys"), this::keys),
                new Route(Pattern.compile(Pattern.quote(ManagedIdentityEndpoint.PATH)), this::msi));
    }

    /**
     * Generates the signing key (off the event loop), then listens; the future fails when the port cannot be bound.
     */
    public static Future<IdentityEmulator> start(Vertx vertx, Topology topology, EmulatorTls tls,
                                                 IdentitySettings settings) {
        TokenIssueLog log = new TokenIssueLog();
        return vertx.executeBlocking(() -> TokenIssuer.create(topology, settings.tokenLifetime(), log))
                .map(issuer -> new IdentityEmulator(topology, issuer, log))
                .compose(emulator -> emulator.listen(vertx, tls, settings.port()));
    }

    private Future<IdentityEmulator> listen(Vertx vertx, EmulatorTls tls, int port) {
        return vertx.createHttpServer(tls.loopbackServerOptions(port))
                .requestHandler(this::dispatch)
                .listen()
                .map(listening -> {
                    server = listening;
                    return this;
                });
    }

    public Future<Void> stop() {
        HttpServer listening = server;
        return listening == null ? Future.succeededFuture() : listening.close();
    }

    public int port() {
        return server.actualPort();
    }

    /** What azure-identity's {@code authorityHost(...)} takes: {@code https://127.0.0.1:PORT}. */
    public String authorityHost() {
        return "https://127.0.0.1:" + port();
    }

    public String tenantId() {
        return topology.tenantId();
    }

    /** The {@code iss} of the v1.0 access tokens issued here: {@code https://sts.windows.net/{tenant}/}. */
    public String issuer() {
        return issuer.issuer();
    }

    public String tokenEndpoint() {
        return authorityHost() + DiscoveryEndpoints.tokenPath(tenantId());
    }

    public String jwksUri() {
        return authorityHost() + DiscoveryEndpoints.jwksPath(tenantId());
    }

    /** App Service's {@code IDENTITY_ENDPOINT}: the full URL of {@code /msi/token}. */
    public String managedIdentityEndpoint() {
        return authorityHost() + ManagedIdentityEndpoint.PATH;
    }

    /** App Service's {@code IDENTITY_HEADER} of the host whose identity this is (random per run). */
    public String identityHeaderFor(String identityName) {
        return managedIdentity.headerFor(identityName).orElseThrow(() -> new IllegalArgumentException(
                "no managed identity named '" + identityName + "' in topology " + topology.name()));
    }

    public TokenIssueLog issueLog() {
        return log;
    }

    /**
     * The endpoints JSON's {@code identity} section: the first service principal's credentials (the harness's
     * reader) and the identity header of APIM's managed identity, when APIM has one.
     */
    public Endpoints.Identity endpointsSection() {
        Identity principal = topology.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.servicePrincipal).findFirst().orElse(null);
        String apimIdentity = topology.apim() == null ? null : topology.apim().identity();
        return new Endpoints.Identity(authorityHost(), tenantId(),
                principal == null ? null : principal.clientId(), principal == null ? null : principal.clientSecret(),
                managedIdentityEndpoint(), apimIdentity == null ? null : identityHeaderFor(apimIdentity));
    }

    private void dispatch(HttpServerRequest request) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (matcher.matches()) {
                route.handler().accept(request, matcher);
                return;
            }
        }
        request.response().setStatusCode(404).end();
    }

    private void token(HttpServerRequest request, Matcher path) {
        if (knownTenant(request, path.group(1))) {
            if (request.method() == HttpMethod.POST) {
                tokenEndpoint.handle(request);
            } else {
                refusals.entra(request, EntraError.POST_ONLY, request.method().name());
            }
        }
    }

    private void openIdConfiguration(HttpServerRequest request, Matcher path) {
        if (getOnly(request) && knownTenant(request, path.group(1))) {
            discovery.openIdConfiguration(request, path.group(1));
        }
    }

    /** The keys are also published under {@code common}, where multi-tenant resources read them. */
    private void keys(HttpServerRequest request, Matcher path) {
        if (getOnly(request) && (COMMON.equals(path.group(1)) || knownTenant(request, path.group(1)))) {
            discovery.keys(request);
        }
    }

    private void msi(HttpServerRequest request, Matcher path) {
        if (getOnly(request)) {
            managedIdentity.handle(request);
        }
    }

    private boolean knownTenant(HttpServerRequest request, String tenant) {
        if (tenant.toLowerCase(Locale.ROOT).equals(topology.tenantId().toLowerCase(Locale.ROOT))) {
            return true;
        }
        refusals.entra(request, EntraError.UNKNOWN_TENANT, tenant);
        return false;
    }

    private static boolean getOnly(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET) {
            return true;
        }
        request.response().setStatusCode(405).putHeader("Allow", "GET").end();
        return false;
    }

    private record Route(Pattern path, BiConsumer<HttpServerRequest, Matcher> handler) {
    }
}
