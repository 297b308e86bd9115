package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code set-backend-service}: either {@code base-url=".."}, which replaces the API's {@code serviceUrl} for this
 * request (placeholders {@code ${frontDoor}}, {@code ${account:NAME}} resolved when forwarded), or
 * {@code backend-id=".."}, which sends it to a backend entity (a single backend's URL, or a pool's chosen member).
 */
final class SetBackendService implements InboundPolicy {
    private final PolicyExpression baseUrl;
    private final PolicyExpression backendId;

    SetBackendService(Attributes attributes) {
        String url = attributes.optional("base-url", null);
        String id = attributes.optional("backend-id", null);
        if ((url == null) == (id == null)) {
            throw new IllegalArgumentException("exactly one of base-url and backend-id is required");
        }
        this.baseUrl = url == null ? null : PolicyExpression.parse(url);
        this.backendId = id == null ? null : PolicyExpression.parse(id);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        if (backendId != null) {
            ctx.backendId(backendId.evaluate(ctx));
        } else {
            ctx.backendBaseUrl(baseUrl.evaluate(ctx));
        }
        return Future.succeededFuture(Optional.empty());
    }
}
