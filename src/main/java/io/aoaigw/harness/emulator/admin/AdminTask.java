package io.aoaigw.harness.emulator.admin;

import io.vertx.core.Future;

/** One admin route's work: returns a value serialised as JSON (null: 204), or fails with {@link AdminError}. */
@FunctionalInterface
public interface AdminTask {
    Future<Object> handle(AdminRequest request);
}
