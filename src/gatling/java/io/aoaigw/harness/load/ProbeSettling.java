package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.FrontDoor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The warm-up of a capacity run on an embedded topology: waits, bounded, until Front Door's probes have settled —
 * every enabled, healthy origin of the serving priority measured by a full window of probes taken after the first
 * (the cold one, which pays class loading and can leave an origin outside the latency band for a whole window) and
 * inside the band on {@link #STEADY_READS} reads in a row. A real deployment has no admin API: nothing to wait for.
 */
final class ProbeSettling {
    private static final int STEADY_READS = 3;
    private static final long POLL_MS = 500;

    private ProbeSettling() {
    }

    /** The origins Front Door does not use once settled (disabled or unhealthy), by name. */
    static Set<String> await(LoadRun run) {
        FrontDoor fd = run.topology().frontDoor();
        if (!run.target().hasAdmin() || fd == null) {
            return Set.of();
        }
        FrontDoor.HealthProbe probe = fd.originGroup().healthProbe();
        int window = fd.originGroup().loadBalancing().sampleSize();
        long deadline = System.currentTimeMillis() + 1000L * ((window + 2L) * probe.intervalSeconds() + 5);
        long started = System.currentTimeMillis();
        AdminClient admin = run.target().admin();
        int steady = 0;
        Reading reading = null;
        while (System.currentTimeMillis() < deadline && steady < STEADY_READS) {
            reading = Reading.of(admin.get("/admin/frontdoor"), window + 1);
            steady = reading.settled() ? steady + 1 : 0;
            pause();
        }
        String took = String.format("%.1f s", (System.currentTimeMillis() - started) / 1000.0);
        if (reading == null || steady < STEADY_READS) {
            System.out.println("warm-up: Front Door did not settle in " + took + "; outside the latency band: "
                    + (reading == null ? "?" : reading.outsideBand()));
        } else {
            System.out.println("warm-up: Front Door settled after " + took + " (origins in use: "
                    + reading.inBand() + ")");
        }
        return reading == null ? Set.of() : reading.unavailable();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS); // a hook before the injection, not a test: nothing else waits on this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One read of {@code GET /admin/frontdoor}. */
    private record Reading(List<String> inBand, List<String> outsideBand, Set<String> unavailable, boolean measured) {

        static Reading of(JsonNode fd, long probesNeeded) {
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            Set<String> unavailable = new TreeSet<>();
            int best = Integer.MAX_VALUE;
            for (JsonNode o : fd.path("origins")) {
                if (o.path("enabled").asBoolean() && o.path("healthy").asBoolean()) {
                    best = Math.min(best, o.path("priority").asInt());
                } else {
                    unavailable.add(o.path("name").asText());
                }
            }
            boolean measured = true;
            for (JsonNode o : fd.path("origins")) {
                if (unavailable.contains(o.path("name").asText()) || o.path("priority").asInt() != best) {
                    continue;
                }
                JsonNode probes = o.path("probes");
                measured &= probes.path("successes").asLong() + probes.path("failures").asLong() >= probesNeeded;
                (o.path("effectiveWeight").asInt() > 0 ? in : out).add(o.path("name").asText());
            }
            return new Reading(in, out, unavailable, measured);
        }

        boolean settled() {
            return measured && outsideBand.isEmpty() && !inBand.isEmpty();
        }
    }
}
