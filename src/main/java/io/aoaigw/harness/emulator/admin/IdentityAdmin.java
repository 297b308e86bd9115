package io.aoaigw.harness.emulator.admin;

import io.aoaigw.harness.emulator.identity.IdentityEmulator;
import io.vertx.core.Future;

/** Admin routes of the identity provider: which tokens were issued to whom (never the tokens). */
public final class IdentityAdmin {
    private IdentityAdmin() {
    }

    public static void register(AdminRoutes routes, IdentityEmulator identity) {
        routes.add("GET", "/admin/identity/tokens", "tokens issued: identity, grant, audience, when",
                        req -> Future.succeededFuture(identity.issueLog().issues()))
                .add("GET", "/admin/identity/counters", "tokens issued and refused",
                        req -> Future.succeededFuture(identity.issueLog().counters()));
    }
}
