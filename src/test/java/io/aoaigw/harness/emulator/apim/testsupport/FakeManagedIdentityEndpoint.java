package io.aoaigw.harness.emulator.apim.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An App Service-protocol managed-identity endpoint on plain HTTP: {@code GET /msi/token?api-version=2019-08-01&
 * resource=…} with the right {@code X-IDENTITY-HEADER} gets a fresh random token living {@code lifetimeSeconds}.
 * Counts fetches and remembers the tokens it issued, so tests can compare what reached the backend.
 */
public final class FakeManagedIdentityEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String identityHeader;
    private final long lifetimeSeconds;
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<String> resources = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private FakeManagedIdentityEndpoint(String identityHeader, long lifetimeSeconds) {
        this.identityHeader = identityHeader;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    public static Future<FakeManagedIdentityEndpoint> start(Vertx vertx, String identityHeader, long lifetimeSeconds) {
        FakeManagedIdentityEndpoint endpoint = new FakeManagedIdentityEndpoint(identityHeader, lifetimeSeconds);
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {
                    if (!identityHeader.equals(req.getHeader("X-IDENTITY-HEADER"))
                            || !"2019-08-01".equals(req.getParam("api-version"))) {
                        req.response().setStatusCode(400).end("{\"error\":\"bad identity request\"}");
                        return;
                    }
                    String token = "mi-" + UUID.randomUUID();
                    endpoint.issued.add(token);
                    endpoint.resources.add(req.getParam("resource"));
                    long expiresOn = System.currentTimeMillis() / 1000 + endpoint.lifetimeSeconds;
                    req.response().putHeader("Content-Type", "application/json").end(JSON.valueToTree(Map.of(
                            "access_token", token, "expires_on", Long.toString(expiresOn),
                            "resource", req.getParam("resource"), "token_type", "Bearer")).toString());
                })
                .listen()
                .map(s -> {
                    endpoint.server = s;
                    return endpoint;
                });
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/msi/token";
    }

    public String identityHeader() {
        return identityHeader;
    }

    public int fetches() {
        return issued.size();
    }

    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    public List<String> requestedResources() {
        return List.copyOf(resources);
    }
}
