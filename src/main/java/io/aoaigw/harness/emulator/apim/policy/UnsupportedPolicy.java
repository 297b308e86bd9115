package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * Stands in for an element the emulator cannot execute: it stays in its place in the pipeline and does nothing; what
 * it was is listed in {@link PolicyDocument#unsupported()}.
 */
final class UnsupportedPolicy implements InboundPolicy, OutboundPolicy {
    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public void apply(PolicyContext ctx, MultiMap clientResponseHeaders) {
        // nothing: the element is listed in the report instead
    }
}
