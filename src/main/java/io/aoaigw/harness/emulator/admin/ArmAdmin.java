package io.aoaigw.harness.emulator.admin;

import io.aoaigw.harness.emulator.arm.ArmEmulator;
import io.vertx.core.Future;
import java.util.Map;

/** Admin routes of the ARM emulator: every request it saw (method, path, status) and how many writes it refused. */
public final class ArmAdmin {
    private ArmAdmin() {
    }

    public static void register(AdminRoutes routes, ArmEmulator arm) {
        routes.add("GET", "/admin/arm/requests", "every ARM request: method, path, query, status",
                        req -> Future.succeededFuture(arm.requestLog().records()))
                .add("GET", "/admin/arm/counters", "requests seen and writes refused with 405",
                        req -> Future.succeededFuture(Map.of("requests", arm.requestLog().records().size(),
                                "methodNotAllowed", arm.requestLog().methodNotAllowedCount())));
    }
}
