package io.aoaigw.harness.emulator.admin;

import io.aoaigw.harness.emulator.frontdoor.ErrorInfo;
import io.aoaigw.harness.emulator.frontdoor.FrontDoorEmulator;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Admin routes of Front Door: per-origin counters and health, origins switched on and off at runtime. */
public final class FrontDoorAdmin {
    private FrontDoorAdmin() {
    }

    public static void register(AdminRoutes routes, FrontDoorEmulator frontDoor) {
        routes.add("GET", "/admin/frontdoor", "Front Door with every origin's counters, health and share",
                        req -> Future.succeededFuture(frontDoor.stats()))
                .add("GET", "/admin/frontdoor/errors",
                        "Front Door's own answers by ErrorInfo: the status each gives the client and how many so far",
                        req -> Future.succeededFuture(errors(frontDoor)))
                .add("DELETE", "/admin/frontdoor/counters", "resets request counters (health stays)",
                        req -> {
                            frontDoor.resetCounters();
                            return Future.succeededFuture(null);
                        })
                .add("GET", "/admin/frontdoor/origins/{name}", "one origin's counters and health",
                        req -> Future.succeededFuture(origin(req, () -> frontDoor.originStats(req.param("name")))))
                .add("PUT", "/admin/frontdoor/origins/{name}/enabled", "enables an origin (body: true|false)",
                        req -> {
                            boolean enabled = req.body(Boolean.class);
                            origin(req, () -> {
                                frontDoor.setOriginEnabled(req.param("name"), enabled);
                                return null;
                            });
                            return Future.succeededFuture(frontDoor.originStats(req.param("name")));
                        })
                .add("PUT", "/admin/frontdoor/probe-interval", "overrides the probe interval (body: milliseconds)",
                        req -> {
                            frontDoor.setProbeInterval(Duration.ofMillis(req.body(Long.class)));
                            return Future.succeededFuture(null);
                        });
    }

    private static Map<String, Map<String, Object>> errors(FrontDoorEmulator frontDoor) {
        Map<String, Long> counts = frontDoor.stats().errors();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (ErrorInfo info : ErrorInfo.values()) {
            out.put(info.name(), Map.of("status", info.status(), "count", counts.getOrDefault(info.name(), 0L)));
        }
        return out;
    }

    private static <T> T origin(AdminRequest req, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw AdminError.notFound("origin '" + req.param("name") + "'");
        }
    }
}
