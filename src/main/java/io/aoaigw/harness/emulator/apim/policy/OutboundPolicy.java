package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.MultiMap;

/** A policy element of the {@code outbound} section, run when the backend's headers arrive. */
public interface OutboundPolicy {

    void apply(PolicyContext ctx, MultiMap clientResponseHeaders);
}
