package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code set-backend-service base-url=".."}: replaces the API's {@code serviceUrl} for this request; the same
 * placeholders ({@code ${frontDoor}}, {@code ${account:NAME}}) are resolved when the request is forwarded.
 */
final class SetBackendService implements InboundPolicy {
    private final PolicyExpression baseUrl;

    SetBackendService(Attributes attributes) {
        this.baseUrl = attributes.expression("base-url");
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        ctx.backendBaseUrl(baseUrl.evaluate(ctx));
        return Future.succeededFuture(Optional.empty());
    }
}
