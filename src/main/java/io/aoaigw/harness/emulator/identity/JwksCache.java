package io.aoaigw.harness.emulator.identity;

import com.nimbusds.jose.jwk.JWKSet;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.host.LoopbackGuard;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The issuer's JWKS, fetched over HTTPS (trusting only the emulator's certificate) and kept until a token names a
 * key it lacks. Concurrent callers share one in-flight fetch; a failed fetch is not cached.
 */
final class JwksCache {
    private static final long TIMEOUT_MS = 10_000;

    private final URI jwksUri;
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final HttpClientAgent client;
    private final AtomicReference<Future<JWKSet>> current = new AtomicReference<>();
    private final AtomicLong fetches = new AtomicLong();
    private final Vertx vertx;

    JwksCache(Vertx vertx, URI jwksUri, TrustMaterial trust) {
        this.jwksUri = LoopbackGuard.requireLoopback(jwksUri, "JwksAccessTokenValidator");
        this.client = vertx.createHttpClient(trust.vertxClientOptions());
        this.vertx = vertx;
    }

    URI uri() {
        return jwksUri;
    }

    long fetches() {
        return fetches.get();
    }

    Future<JWKSet> keys() {
        Future<JWKSet> known = current.get();
        return known != null ? known : refreshAfter(null);
    }

    /**
     * Fetches again unless someone already replaced {@code stale} (the set a caller found lacking); then that newer
     * fetch is shared. A failed fetch is forgotten so that the next caller retries.
     */
    Future<JWKSet> refreshAfter(Future<JWKSet> stale) {
        Promise<JWKSet> promise = Promise.promise();
        Future<JWKSet> mine = promise.future();
        if (!current.compareAndSet(stale, mine)) {
            Future<JWKSet> newer = current.get();
            return newer != null ? newer : refreshAfter(null);
        }
        mine.onFailure(e -> current.compareAndSet(mine, null));
        fetches.incrementAndGet();
        // On an event loop: called from any other thread, the chain below could attach the body handler after the
        // body had arrived and read it as empty (seen once as "a 200 with an empty body").
        vertx.getOrCreateContext().runOnContext(v -> fetch().recover(e -> {
            // one more GET is what any HTTP client does for an idempotent request, and it is logged
            LOG.warn("JWKS fetch from {} failed ({}); trying once more", jwksUri, e.getMessage());
            return fetch();
        }).onComplete(promise));
        return mine;
    }

    private Future<JWKSet> fetch() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUri.toString())
                .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS);
        return client.request(request)
                .compose(req -> req.send())
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? parse(body.toString(), response.version())
                        : Future.failedFuture(new IllegalStateException("JWKS at " + jwksUri + " answered "
                                + response.statusCode()))));
    }

    private Future<JWKSet> parse(String json, Object httpVersion) {
        try {
            return Future.succeededFuture(JWKSet.parse(json));
        } catch (ParseException e) {
            return Future.failedFuture(new IllegalStateException("JWKS at " + jwksUri + " is not a key set ("
                    + json.length() + " characters over " + httpVersion + "): " + e.getMessage()));
        }
    }

    Future<Void> close() {
        return client.close();
    }
}
