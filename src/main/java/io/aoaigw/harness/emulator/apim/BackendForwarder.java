package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.ForwardRequest;
import io.aoaigw.harness.emulator.apim.policy.GatewayReply;
import io.aoaigw.harness.emulator.apim.policy.OutboundPolicy;
import io.aoaigw.harness.emulator.apim.policy.PolicyContext;
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
 * adds none of its own. The body is piped chunk by chunk, or held back in 8 KB pieces with
 * {@code buffer-response="true"}. No response headers within the timeout, or no connection, is APIM's 500
 * "Internal server error" (observed for backend timeouts: {"statusCode":500,"message":"Internal server error",
 * "activityId":…}); a stream that breaks midway resets the client's stream rather than ending it cleanly.
 */
final class BackendForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(BackendForwarder.class);
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding",
            "te", "trailer", "upgrade", "host", "content-length");

    /** {@code answered}: the backend sent response headers. */
    record Outcome(int status, boolean answered) {
    }

    private final Vertx vertx;
    private final HttpClient client;

    BackendForwarder(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    Future<Outcome> forward(HttpServerRequest in, PolicyContext ctx, String target, ForwardRequest settings,
                            List<OutboundPolicy> outbound) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(ctx.requestHeaders());
        headers.add("X-Forwarded-For", ctx.clientIp());
        RequestOptions options = new RequestOptions().setMethod(in.method()).setAbsoluteURI(target)
                .setHeaders(headers);
        Promise<Outcome> done = Promise.promise();
        client.request(options)
                .compose(request -> send(request, ctx.requestBody(), settings.timeout()))
                .onSuccess(response -> relay(response, in.response(), ctx, settings, outbound)
                        .onComplete(ignored -> done.complete(new Outcome(response.statusCode(), true))))
                .onFailure(error -> {
                    LOG.warn("APIM backend call to {} failed: {}", withoutQuery(target), error.toString());
                    if (!in.response().ended()) {
                        GatewayReply.internalError().writeTo(in.response());
                    }
                    done.complete(new Outcome(500, false));
                });
        return done.future();
    }

    private Future<HttpClientResponse> send(HttpClientRequest request, Buffer body, Duration timeout) {
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> request.reset(0,
                new TimeoutException("backend sent no response headers within " + timeout)));
        return request.send(body).andThen(ignored -> vertx.cancelTimer(timer));
    }

    private Future<Void> relay(HttpClientResponse response, HttpServerResponse out, PolicyContext ctx,
                               ForwardRequest settings, List<OutboundPolicy> outbound) {
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
        WriteStream<Buffer> toClient = settings.bufferResponse()
                ? new BufferedWriteStream(out, ForwardRequest.BUFFER_BYTES) : out;
        out.closeHandler(closed -> {
            if (!out.ended()) {
                response.request().reset(); // the client left: the backend stops generating, as behind APIM
            }
        });
        return response.pipe().endOnFailure(false).to(new ObservedWriteStream(toClient, ctx.observers()))
                .onSuccess(v -> ctx.observers().forEach(o -> o.onEnd(true)))
                .onFailure(error -> {
                    ctx.observers().forEach(o -> o.onEnd(false));
                    out.reset();
                });
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
