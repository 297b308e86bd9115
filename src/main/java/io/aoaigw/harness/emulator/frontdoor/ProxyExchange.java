package io.aoaigw.harness.emulator.frontdoor;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.Optional;
import java.util.Set;

/**
 * One client request through Front Door: choose an origin, forward, then relay the answer as it streams or answer
 * with Front Door's own error. The request body is buffered (requests to Azure OpenAI are small JSON) so that a retry
 * can resend it; the response body is never buffered.
 */
final class ProxyExchange {
    private final Forwarding fd;
    private final HttpServerRequest request;
    private final String ref;
    private final MultiMap headers;
    private Buffer body;
    /** The origin request awaiting its answer's head, then the answer being relayed: what a leaving client stops. */
    private HttpClientRequest pending;
    private HttpClientResponse relaying;
    /** The exchange is in its one outcome bucket. */
    private boolean ended;

    private ProxyExchange(Forwarding fd, HttpServerRequest request) {
        this.fd = fd;
        this.request = request;
        this.ref = fd.refs().next();
        this.headers = ForwardedHeaders.toOrigin(request, ref, fd.frontDoorId());
    }

    private long sentNanos;

    /**
     * {@code refusal}: null when a route sends the path to the accounts' origin group; else Front Door's own page
     * (404 without a serving route, 503 for a route to another group).
     */
    static void handle(Forwarding fd, HttpServerRequest request, ErrorInfo refusal) {
        fd.requests().increment();
        fd.outcomes().received();
        ProxyExchange exchange = new ProxyExchange(fd, request);
        if (refusal != null) {
            exchange.fail(refusal);
            return;
        }
        request.response().closeHandler(v -> exchange.clientLeft());
        request.body()
                .onSuccess(received -> {
                    exchange.body = received;
                    exchange.start();
                })
                .onFailure(e -> {
                    exchange.clientLeft(); // the client went away mid-request
                    request.response().reset();
                });
    }

    /** The client closed before the answer ended: stop the origin's work at once and count it, once. */
    private void clientLeft() {
        if (ended || request.response().ended()) {
            return;
        }
        ended = true;
        fd.outcomes().clientDisconnected();
        if (pending != null) {
            pending.reset(); // no answer head yet: cancel the origin request
        }
        if (relaying != null) {
            relaying.request().reset(); // mid-stream: stop the origin too
        }
    }

    /** The answer is written in full, Front Door's own or the origin's: one count. */
    private void answered(int status) {
        if (!ended) {
            ended = true;
            fd.outcomes().answered(status);
        }
    }

    private void start() {
        fd.selector().choose(Set.of()).ifPresentOrElse(
                origin -> attempt(origin, fd.retryOnServerError()),
                () -> fail(ErrorInfo.UnspecifiedError));
    }

    private void attempt(OriginState origin, boolean mayRetry) {
        forward(origin).onComplete(result -> {
            pending = null;
            if (ended) { // the client left while the origin was answering: nothing to relay, nowhere to retry
                if (result.succeeded()) {
                    result.result().request().reset();
                }
                return;
            }
            Optional<OriginState> next = mayRetry && retryable(result)
                    ? fd.selector().choose(Set.of(origin)) : Optional.empty();
            if (next.isPresent()) {
                if (result.succeeded()) {
                    result.result().body(); // drain the failed answer so its connection can be reused
                }
                origin.counters().retriedAway.increment();
                fd.retries().increment();
                attempt(next.get(), false);
            } else if (result.succeeded()) {
                relay(origin, result.result());
            } else {
                fail(((OriginFailure) result.cause()).error);
            }
        });
    }

    /** Retry (when enabled, unconfirmed for Azure) on 5xx, 429 and connection failures; a timeout is not retried. */
    private static boolean retryable(AsyncResult<HttpClientResponse> result) {
        if (result.succeeded()) {
            int status = result.result().statusCode();
            return status >= 500 || status == 429;
        }
        return ((OriginFailure) result.cause()).error != ErrorInfo.OriginTimeout;
    }

    /** Sends the request; completes with the response head, or fails with an {@link OriginFailure}. */
    private Future<HttpClientResponse> forward(OriginState origin) {
        OriginCounters counters = origin.counters();
        counters.requests.increment();
        sentNanos = System.nanoTime();
        Promise<HttpClientResponse> answer = Promise.promise();
        long timer = fd.vertx().setTimer(fd.responseTimeoutMs(),
                id -> answer.tryFail(new OriginFailure(ErrorInfo.OriginTimeout)));
        fd.client().request(options(origin))
                .compose(clientRequest -> {
                    clientRequest.authority(origin.hostHeader());
                    answer.future().onFailure(e -> clientRequest.reset()); // timed out: abandon the origin
                    pending = clientRequest;
                    counters.requestBytes.add(body.length());
                    return clientRequest.send(body);
                })
                .onComplete(result -> {
                    fd.vertx().cancelTimer(timer);
                    if (result.failed()) {
                        answer.tryFail(OriginFailure.of(result.cause()));
                    } else if (!answer.tryComplete(result.result())) {
                        result.result().request().reset(); // arrived after the timeout answer
                    }
                });
        return answer.future()
                .onSuccess(response -> counters.responses.add(String.valueOf(response.statusCode())))
                .onFailure(e -> counters.errors.add(((OriginFailure) e).error.name()));
    }

    private RequestOptions options(OriginState origin) {
        return new RequestOptions()
                .setMethod(request.method())
                .setHost(origin.host()).setPort(origin.port()).setSsl(origin.ssl())
                .setURI(origin.basePath() + request.uri())
                .setConnectTimeout(fd.responseTimeoutMs())
                .setHeaders(headers);
    }

    /** Streams the origin's answer to the client chunk by chunk, with backpressure. */
    private void relay(OriginState origin, HttpClientResponse response) {
        HttpServerResponse out = request.response();
        out.setStatusCode(response.statusCode()).setStatusMessage(response.statusMessage());
        ForwardedHeaders.fromOrigin(response.headers(), out.headers());
        out.putHeader("X-Azure-Ref", ref).putHeader("X-Cache", FrontDoorEmulator.X_CACHE);
        if ("1".equals(request.getHeader("X-Azure-DebugInfo"))) {
            out.putHeader("X-Azure-OriginStatusCode", String.valueOf(response.statusCode()));
        }
        if (!out.headers().contains("Content-Length") && mayHaveBody(response.statusCode())) {
            out.setChunked(true);
        }
        relaying = response;
        response.pipe().endOnFailure(false).to(out).onComplete(piped -> {
            origin.counters().responseBytes.add(out.bytesWritten());
            origin.served((System.nanoTime() - sentNanos) / 1e6);
            if (piped.succeeded()) {
                answered(response.statusCode());
            } else if (out.closed()) {
                clientLeft();
            } else if (!ended) {
                ended = true;
                fd.outcomes().upstreamCancelled();
                out.reset(); // the origin cut the stream: cut the client's too rather than end it cleanly
            }
        });
    }

    private boolean mayHaveBody(int status) {
        return request.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private void fail(ErrorInfo error) {
        fd.errors().add(error.name());
        answered(error.status());
        ErrorPage.send(request.response(), error, ref);
    }
}
