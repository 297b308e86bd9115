package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.Optional;

/** Stands in for an element the emulator cannot execute: it stays in its place in the pipeline and does nothing. */
final class UnsupportedPolicy implements InboundPolicy, OutboundPolicy {
    /** @param report what {@link PolicyDocument#unsupported()} lists for this element */
    UnsupportedPolicy(UnsupportedPolicyElement report) {
        // the report itself lives in the document; this object only holds the element's place
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public void apply(PolicyContext ctx, MultiMap clientResponseHeaders) {
        // nothing: the element is listed in the report instead
    }
}
