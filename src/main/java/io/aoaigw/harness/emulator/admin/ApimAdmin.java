package io.aoaigw.harness.emulator.admin;

import io.aoaigw.harness.emulator.apim.ApimEmulator;
import io.vertx.core.Future;
import java.util.Map;

/** Admin routes of API Management: counters, recent requests (never keys or tokens), the policy report. */
public final class ApimAdmin {
    private ApimAdmin() {
    }

    public static void register(AdminRoutes routes, ApimEmulator apim) {
        routes.add("GET", "/admin/apim", "gateway counters", req -> Future.succeededFuture(apim.stats()))
                .add("GET", "/admin/apim/requests", "recent gateway requests, oldest first",
                        req -> Future.succeededFuture(apim.recentRequests()))
                .add("GET", "/admin/apim/requests/capacity", "how many recent requests the gateway keeps",
                        req -> Future.succeededFuture(Map.of("capacity", ApimEmulator.RECENT_REQUESTS)))
                .add("GET", "/admin/apim/policy/unsupported", "policy elements the gateway keeps but does not run",
                        req -> Future.succeededFuture(apim.unknownPolicyElements()))
                .add("GET", "/admin/apim/operations", "the API's operations",
                        req -> Future.succeededFuture(apim.operations()));
    }
}
