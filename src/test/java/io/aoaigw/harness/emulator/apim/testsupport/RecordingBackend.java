package io.aoaigw.harness.emulator.apim.testsupport;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Front Door or an account on 127.0.0.1: records every request it receives (headers, URI, body) and
 * the instants at which it wrote each chunk of its answers, then answers as its {@link Responder} says.
 */
public final class RecordingBackend {

    /** A request as the backend saw it. */
    public record Received(String method, String uri, MultiMap headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** How the backend answers; {@code backend.wrote()} marks each chunk's write time. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpServerRequest request, RecordingBackend backend);
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Long> writeNanos = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private RecordingBackend() {
    }

    public static Future<RecordingBackend> start(Vertx vertx, Responder responder) {
        RecordingBackend backend = new RecordingBackend();
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.body().onSuccess(body -> {
                    backend.received.add(new Received(req.method().name(), req.uri(),
                            MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body.toString()));
                    responder.respond(req, backend);
                }))
                .listen()
                .map(s -> {
                    backend.server = s;
                    return backend;
                });
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    /** Called by responders just before a chunk is written. */
    public void wrote() {
        writeNanos.add(System.nanoTime());
    }

    public List<Long> writeNanos() {
        return List.copyOf(writeNanos);
    }
}
