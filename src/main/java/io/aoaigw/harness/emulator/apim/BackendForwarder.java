package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.ApimRequestRecord.Ending;
import io.aoaigw.harness.emulator.apim.policy.ForwardRequest;
import io.aoaigw.harness.emulator.apim.policy.GatewayReply;
import io.aoaigw.harness.emulator.apim.policy.OutboundPolicy;
import io.aoaigw.harness.emulator.apim.policy.PolicyContext;
import io.aoaigw.harness.emulator.apim.policy.ResponseObserver;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.WriteStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * APIM's {@code forward-request}: sends the (policy-modified) request to the backend over HTTP and relays the answer.
 * Backend headers pass through (x-ms-region, apim-request-id, x-ratelimit-* …) except hop-by-hop ones; the gateway
 * adds none of its own. The body is piped chunk by chunk, held back in 8 KB pieces with
 * {@code buffer-response="true"}, or held whole and cut by APIM's limits as {@link ResponseHolding} says. No response headers within the timeout, or no connection, is APIM's 500
 * "Internal server error" (observed for backend timeouts: {"statusCode":500,"message":"Internal server error",
 * "activityId":…}); a stream that breaks midway resets the client's stream rather than ending it cleanly.
 */
final class BackendForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(BackendForwarder.class);
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding",
            "te", "trailer", "upgrade", "host", "content-length");

    /**
     * {@code answered}: the backend sent response headers; {@code status}: what the client was sent (0: nothing);
     * {@code ending}: the request's one outcome bucket.
     */
    record Outcome(int status, boolean answered, Ending ending) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final ResponseHolding holding;

    BackendForwarder(Vertx vertx, HttpClient client, ResponseHolding holding) {
        this.vertx = vertx;
        this.client = client;
        this.holding = holding;
    }

    Future<Outcome> forward(HttpServerRequest in, PolicyContext ctx, String target, ForwardRequest settings,
                            List<OutboundPolicy> outbound) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(ctx.requestHeaders());
        headers.add("X-Forwarded-For", ctx.clientIp());
        RequestOptions options = new RequestOptions().setMethod(in.method()).setAbsoluteURI(target)
                .setHeaders(headers);
        Promise<Outcome> done = Promise.promise();
        HttpServerResponse out = in.response();
        if (out.closed()) { // the client left during the inbound policies: nothing is sent on
            done.complete(new Outcome(0, false, Ending.clientDisconnected));
            return done.future();
        }
        HttpClientRequest[] pending = new HttpClientRequest[1];
        // the client leaving stops the backend at once, before or after its headers: APIM cancels the call
        out.closeHandler(closed -> {
            if (!out.ended() && done.tryComplete(new Outcome(out.headWritten() ? out.getStatusCode() : 0,
                    out.headWritten(), Ending.clientDisconnected)) && pending[0] != null) {
                pending[0].reset();
            }
        });
        // APIM's idle timeout and total request limit: the client's connection is dropped, the backend call stopped
        StreamLimits limits = holding.limits(vertx, () -> {
            if (done.tryComplete(new Outcome(out.headWritten() ? out.getStatusCode() : 0, out.headWritten(),
                    Ending.cutByLimit))) {
                if (pending[0] != null) {
                    pending[0].reset();
                }
                out.reset();
            }
        });
        done.future().onComplete(ended -> limits.done());
        client.request(options)
                .compose(request -> {
                    pending[0] = request;
                    return send(request, ctx.requestBody(), settings.timeout());
                })
                .onSuccess(response -> {
                    if (done.future().isComplete()) {
                        response.request().reset(); // the client already left
                        return;
                    }
                    relay(response, out, ctx, holding.toClient(out, settings, limits), outbound).onComplete(relayed -> done.tryComplete(
                            relayed.succeeded() ? relayed.result() : new Outcome(response.statusCode(), true,
                                    Ending.upstreamCancelled)));
                })
                .onFailure(error -> {
                    if (done.future().isComplete()) {
                        return; // cancelled because the client left
                    }
                    LOG.warn("APIM backend call to {} failed: {}", withoutQuery(target), error.toString());
                    GatewayReply.internalError().writeTo(out);
                    done.tryComplete(new Outcome(500, false, Ending.answered));
                });
        return done.future();
    }

    private Future<HttpClientResponse> send(HttpClientRequest request, Buffer body, Duration timeout) {
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> request.reset(0,
                new TimeoutException("backend sent no response headers within " + timeout)));
        return request.send(body).andThen(ignored -> vertx.cancelTimer(timer));
    }

    private Future<Outcome> relay(HttpClientResponse response, HttpServerResponse out, PolicyContext ctx,
                                WriteStream<Buffer> toClient, List<OutboundPolicy> outbound) {
        out.setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        String length = response.getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
        } else if (response.statusCode() != 204 && response.statusCode() != 304) {
            out.setChunked(true);
        }
        ctx.responseHeaders().names().forEach(name -> out.headers().set(name, ctx.responseHeaders().getAll(name)));
        outbound.forEach(policy -> policy.apply(ctx, out.headers()));
        ctx.observers().forEach(o -> o.onHeaders(response.statusCode(), out.headers()));
        int status = response.statusCode();
        WriteStream<Buffer> sink = toClient;
        if (!ResponseObserver.isEventStream(response.getHeader("Content-Type")) && ctx.observers().stream().anyMatch(ResponseObserver::readsBodyBeforeHeaders)) {
            // a header that says what the body said (tokens consumed) goes out only once the body is read
            sink = new BufferedWriteStream(toClient, Integer.MAX_VALUE,
                    () -> ctx.observers().forEach(o -> o.beforeRelease(out.headers())));
        }
        return response.pipe().endOnFailure(false).to(new ObservedWriteStream(sink, ctx.observers()))
                .map(v -> {
                    ctx.observers().forEach(o -> o.onEnd(true));
                    return new Outcome(status, true, Ending.answered);
                })
                .otherwise(error -> {
                    ctx.observers().forEach(o -> o.onEnd(false));
                    if (out.closed()) {
                        return new Outcome(status, true, Ending.clientDisconnected);
                    }
                    out.reset(); // the backend cut the stream: cut the client's too rather than end it cleanly
                    return new Outcome(status, true, Ending.upstreamCancelled);
                });
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
