package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.Optional;

/** A policy element of the {@code inbound} section: changes the request, or ends it with the gateway's own answer. */
public interface InboundPolicy {

    /** Empty to go on with the next policy, or the answer that ends the request here. */
    Future<Optional<GatewayReply>> apply(PolicyContext ctx);
}
