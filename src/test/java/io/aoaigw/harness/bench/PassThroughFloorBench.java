package io.aoaigw.harness.bench;

import io.aoaigw.harness.emulator.tls.EventLoops;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The floor of part (d)'s chain / direct ratio: the same shape of chain with no gateway logic at all. An origin
 * answers every request with the same bytes (the account's answer, captured by the script); two bare Vert.x
 * pass-through proxies sit in front of it, each one server and one pooled client on the loopback on an event loop of
 * its own, as Front Door and APIM are in the emulator. What the emulator's chain loses beyond this ratio is its own hops' work; what this ratio
 * loses is HTTP itself, on the same cores.
 *
 * <p>{@code --body FILE --out FILE}: writes {@code {"origin": URL, "chain": URL}} and serves until killed. Not a
 * test: run by {@code bench/emulator-bench.sh d}.
 */
public final class PassThroughFloorBench {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv);
        Buffer answer = Buffer.buffer(Files.readAllBytes(Path.of(a.text("body"))));
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        HttpServer origin = await(EventLoops.onFreshLoop(vertx, () -> vertx.createHttpServer(new HttpServerOptions()
                .setTcpNoDelay(true)).requestHandler(req -> req.body().onSuccess(b -> req.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer)))
                .listen(0, HOST)));
        HttpServer second = await(proxy(vertx, origin.actualPort()));
        HttpServer first = await(proxy(vertx, second.actualPort()));
        Files.writeString(Path.of(a.text("out")), "{\"origin\":\"http://" + HOST + ":" + origin.actualPort()
                + "\",\"chain\":\"http://" + HOST + ":" + first.actualPort() + "\"}\n");
        new CountDownLatch(1).await();
    }

    /** A server that sends each request on to {@code port} and relays the answer: headers, status, body. */
    private static Future<HttpServer> proxy(Vertx vertx, int port) {
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(10_000));
        return EventLoops.onFreshLoop(vertx, () -> vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(req -> forward(client, port, req)).listen(0, HOST));
    }

    private static void forward(HttpClientAgent client, int port, HttpServerRequest req) {
        req.body()
                .compose(body -> client.request(new RequestOptions().setMethod(req.method()).setHost(HOST)
                        .setPort(port).setURI(req.uri()).setHeaders(req.headers()))
                        .compose(out -> out.send(body)))
                .compose(res -> res.body().map(b -> {
                    req.response().setStatusCode(res.statusCode()).headers().setAll(res.headers());
                    req.response().end(b);
                    return null;
                }))
                .onFailure(e -> req.response().setStatusCode(502).end());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get();
    }
}
