package io.aoaigw.harness.emulator.apim;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the API a request is for by its URL suffix, the longest suffix first (APIM matches the API before the
 * operation); a path under no API goes to the first (the imported API's pipeline), which answers APIM's 404.
 */
final class ApiRouter implements Handler<HttpServerRequest> {
    private final List<GatewayHandler> byLongestSuffix;
    private final GatewayHandler fallback;

    ApiRouter(List<GatewayHandler> apis) {
        this.fallback = apis.get(0);
        this.byLongestSuffix = apis.stream()
                .sorted(Comparator.comparingInt((GatewayHandler h) -> h.api().path().length()).reversed()).toList();
    }

    @Override
    public void handle(HttpServerRequest req) {
        byLongestSuffix.stream().filter(h -> h.relativePath(req.path()).isPresent()).findFirst().orElse(fallback)
                .handle(req);
    }
}
