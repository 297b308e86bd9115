package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.emulator.apim.policy.AccessTokenSource;
import io.aoaigw.harness.host.LoopbackGuard;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * APIM's managed identity: tokens come from an App Service-protocol endpoint over HTTP(S)
 * ({@code GET endpoint?api-version=2019-08-01&resource=…[&client_id=…]}, header {@code X-IDENTITY-HEADER}, answer
 * {@code {"access_token","expires_on" (epoch seconds),…}}). Tokens are cached per resource and identity until five
 * minutes before they expire (APIM "caches the token until it expires"; the margin keeps a token from dying on its
 * way), and concurrent requests share one fetch.
 */
final class ManagedIdentityTokenSource implements AccessTokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REFRESH_MARGIN_MILLIS = 5 * 60 * 1000;

    private record Token(String value, long expiresAtMillis) {
    }

    private final HttpClient client;
    private final URI endpoint;
    private final String identityHeader;
    private final LongSupplier clock;
    private final Map<String, Token> cache = new HashMap<>();
    private final Map<String, Future<Token>> inFlight = new HashMap<>();
    private final AtomicLong fetches = new AtomicLong();

    ManagedIdentityTokenSource(HttpClient client, URI endpoint, String identityHeader, LongSupplier clock) {
        LoopbackGuard.requireLoopbackOr(endpoint, "managed identity endpoint must be on loopback, not " + endpoint);
        this.client = client;
        this.endpoint = endpoint;
        this.identityHeader = identityHeader;
        this.clock = clock;
    }

    @Override
    public synchronized Future<String> token(String resource, String clientId) {
        String key = resource + "|" + clientId;
        Token cached = cache.get(key);
        if (cached != null && clock.getAsLong() < cached.expiresAtMillis() - REFRESH_MARGIN_MILLIS) {
            return Future.succeededFuture(cached.value());
        }
        Future<Token> pending = inFlight.get(key);
        if (pending == null) {
            pending = fetch(resource, clientId);
            inFlight.put(key, pending);
            pending.onComplete(result -> completed(key, result.succeeded() ? result.result() : null));
        }
        return pending.map(Token::value);
    }

    /** How many times the endpoint was asked (ground truth for caching checks). */
    long fetches() {
        return fetches.get();
    }

    private synchronized void completed(String key, Token token) {
        inFlight.remove(key);
        if (token != null) {
            cache.put(key, token);
        }
    }

    private Future<Token> fetch(String resource, String clientId) {
        fetches.incrementAndGet();
        String uri = endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "api-version=2019-08-01&resource="
                + encode(resource) + (clientId == null ? "" : "&client_id=" + encode(clientId));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
                .putHeader("X-IDENTITY-HEADER", identityHeader == null ? "" : identityHeader)
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("managed identity endpoint answered " + response.statusCode());
                    }
                    return parse(body.getBytes());
                }));
    }

    private static Token parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            String token = json.path("access_token").asText(null);
            long expiresOn = Long.parseLong(json.path("expires_on").asText("0").trim());
            if (token == null || expiresOn <= 0) {
                throw new IllegalStateException("managed identity answer lacks access_token or expires_on");
            }
            return new Token(token, expiresOn * 1000);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("managed identity answer is not the expected JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
