package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.load.InProcessGatling.Run;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures on the SSE path, counted once per chat and balanced against the emulator's own counts: a topology runs
 * beside the load ({@code -Dharness.endpoints}) with faults set through its admin API, all chats on the SSE path.
 */
class SseFailuresLoadTest {
    private static final String KEY = "sse-failures-test-key-0123456789ab";
    private static final Map<String, String> SSE_ONLY = Map.of(
            "usersPerSec: 2, durationSec: 15", "usersPerSec: 2, durationSec: 5",
            "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000",
            "headerShare: 0.5", "headerShare: 0");

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    /**
     * Every account cuts its streams after 5 frames. Gatling's SSE client would resend each cut chat (same request,
     * after its retry delay) and the resends would pass for good streams; here each cut chat is one failed chat, and
     * the harness's requests equal the gateway's, Front Door's and the accounts'.
     */
    @Test
    void cutStreamsAreCountedPerChatAndNotResent(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", withErrorSlo(100), KEY);
        try (EmbeddedTopology beside = startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());
            faultEveryAccount(beside, admin, Map.of("cutAfterFrames", 5));

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            long started = run.summary().at("/data/counters/chats").asLong();
            assertThat(started).isPositive();
            assertThat(sum(beside, admin, "requests")).as("requests the accounts saw").isEqualTo(started);
            JsonNode chats = run.summary().at("/figures/chats");
            assertThat(chats.path("failed").asLong()).as("every stream was cut").isEqualTo(started);
            assertThat(chats.at("/failedBy/streamsCut").asLong()).isEqualTo(started);
            assertThat(sum(beside, admin, "cutStreams")).as("streams the accounts cut").isEqualTo(started);
            assertThat(admin.get("/admin/apim").path("requests").asLong()).as("requests the gateway saw")
                    .isEqualTo(started);
            assertThat(admin.get("/admin/frontdoor").path("requests").asLong()).as("requests Front Door saw")
                    .isEqualTo(started);
        }
    }

    /**
     * One 500 per account among chats of ~100 frames each: Gatling's failed-event share (every frame is an OK
     * event) stays far below 1 %, the per-chat share does not, and the per-chat SLO fails the run.
     */
    @Test
    void theErrorSloIsJudgedPerChatNotPerEvent(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", withErrorSlo(1), KEY);
        try (EmbeddedTopology beside = startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());
            faultEveryAccount(beside, admin, Map.of("errorStatus", 500, "errorCount", 1));

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            assertThat(run.exit()).as("the per-chat error SLO (1 %) is missed").isNotZero();
            JsonNode chats = run.summary().at("/figures/chats");
            assertThat(chats.path("failed").asLong()).as("chats answered 500").isPositive()
                    .isEqualTo(sumByStatus(beside, admin, 500));
            assertThat(chats.at("/failedBy/sseRefusedBeforeFirstFrame").asLong()).isEqualTo(chats.path("failed")
                    .asLong());
            assertThat(chats.path("errorSloBasis").asText()).startsWith("per chat");
            assertThat(run.summary().at("/checks/errorPercent").asText()).contains("judged per chat");
        }
    }

    /**
     * Accounts that throttle their first two requests: Gatling's SSE client drops the status and headers of a non-200
     * answer, so on the SSE path such a chat is "refused before its first frame"; the accounts' ground truth (by the
     * chat's x-ms-client-request-id) tells that it was a 429, and the summary says so.
     */
    @Test
    void sse429sAreReadAs429sFromGroundTruth(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", withErrorSlo(100), KEY);
        try (EmbeddedTopology beside = startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());
            faultEveryAccount(beside, admin, Map.of("throttleCount", 2, "throttleRetryAfterMs", 500));

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            JsonNode chats = run.summary().at("/figures/chats");
            long throttled = sum(beside, admin, "throttled");
            assertThat(throttled).as("429s the accounts sent").isPositive();
            assertThat(chats.at("/sseRefusedByStatus/429").asLong()).isEqualTo(throttled);
            assertThat(chats.at("/failedBy/sseRefusedBeforeFirstFrame").asLong()).isEqualTo(throttled);
            assertThat(chats.path("failed").asLong()).isEqualTo(throttled);
        }
    }

    private static Map<String, String> withErrorSlo(int percent) {
        Map<String, String> edits = new java.util.HashMap<>(SSE_ONLY);
        edits.put("errorPercent: 1,", "errorPercent: " + percent + ",");
        return edits;
    }

    private static EmbeddedTopology startBeside(Path dir) throws Exception {
        EmbeddedTopology t = EmbeddedTopology.start(TopologyLoader.load(dir.resolve("topology.yaml")),
                Files.createDirectories(dir.resolve("beside")));
        Path endpoints = dir.resolve("endpoints.json");
        EndpointsFile.write(t.endpoints(), endpoints);
        System.setProperty("harness.endpoints", endpoints.toString());
        return t;
    }

    private static void faultEveryAccount(EmbeddedTopology t, AdminClient admin, Map<String, Object> faults) {
        t.endpoints().accounts().forEach(a -> admin.put("/admin/accounts/" + a.name() + "/faults", faults));
    }

    private static long sum(EmbeddedTopology t, AdminClient admin, String counter) {
        return t.endpoints().accounts().stream()
                .mapToLong(a -> admin.get("/admin/accounts/" + a.name() + "/counters").path(counter).asLong()).sum();
    }

    private static long sumByStatus(EmbeddedTopology t, AdminClient admin, int status) {
        return t.endpoints().accounts().stream().mapToLong(a -> admin.get("/admin/accounts/" + a.name()
                + "/counters").path("byStatus").path(String.valueOf(status)).asLong()).sum();
    }
}
