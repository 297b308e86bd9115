package io.aoaigw.harness.emulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * The emulator's inside view over HTTP on loopback: counters, ground truth and faults of every component. This is
 * the only seam through which the harness looks inside; a real deployment has no such API.
 */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;

    private AdminApi(HttpServer server) {
        this.server = server;
    }

    public static Future<AdminApi> start(Vertx vertx, AdminRoutes routes, int port) {
        routes.add("GET", "/admin", "this list of routes", req -> Future.succeededFuture(
                routes.all().stream().map(r -> Map.of("method", r.method(), "path", r.template(),
                        "description", r.description())).toList()));
        HttpServer server = vertx.createHttpServer();
        server.requestHandler(request -> request.body()
                .onSuccess(body -> dispatch(routes, request, body))
                .onFailure(e -> reply(request, 400, Map.of("error", "unreadable body"))));
        return server.listen(port, "127.0.0.1").map(s -> new AdminApi(s));
    }

    private static void dispatch(AdminRoutes routes, HttpServerRequest request, io.vertx.core.buffer.Buffer body) {
        String path = request.path().replaceAll("/+$", "");
        var match = routes.match(request.method().name(), path);
        if (match.isEmpty()) {
            boolean known = routes.knowsPath(path);
            reply(request, known ? 405 : 404, Map.of("error", (known ? "method not allowed: " : "no admin route: ")
                    + request.method() + " " + path, "routes", "GET /admin"));
            return;
        }
        Future<Object> result;
        try {
            result = match.get().route().task().handle(new AdminRequest(request, match.get().params(), body, JSON));
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(value -> reply(request, value == null ? 204 : 200, value))
                .onFailure(e -> reply(request, e instanceof AdminError a ? a.status() : 500,
                        Map.of("error", String.valueOf(e.getMessage()))));
    }

    private static void reply(HttpServerRequest request, int status, Object value) {
        var response = request.response().setStatusCode(status);
        if (value == null) {
            response.end();
            return;
        }
        try {
            response.putHeader("content-type", "application/json").end(JSON.writeValueAsString(value));
        } catch (Exception e) {
            response.setStatusCode(500).end("{\"error\":\"cannot serialise the answer\"}");
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Future<Void> stop() {
        return server.close();
    }
}
