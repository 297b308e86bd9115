package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.load.InProcessGatling.Run;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs simulations in-process with Gatling, shortened through their profile, against the embedded topology: the
 * smoke simulation with its assertions, and the 429 storm whose retries must obey the advice. The subscription key is
 * pinned to a random value so the test can prove it appears in no report or summary.
 */
class LoadSimulationsTest {
    private final String key = HexFormat.of().formatHex(randomBytes());

    /** Embedded unless a test says otherwise, even when the build was given -Dharness.target for the contracts. */
    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    /**
     * The shipped SLO values are for a run on a machine of its own; CI shares two cores with the whole suite, so this
     * run's latency SLOs are widened (what is tested is that they are asserted — the next test shows they bite).
     */
    private static final Map<String, String> SHARED_MACHINE_SLO = Map.of(
            "usersPerSec: 2, durationSec: 15", "usersPerSec: 2, durationSec: 6",
            "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000");

    @Test
    void smokeStreamsMeetTheirSloAndTheKeyIsInNoReport(@TempDir Path dir) throws IOException {
        Path profile = profile(dir, "scenarios/load/smoke.yaml", SHARED_MACHINE_SLO);

        Run run = gatling(dir, SmokeSimulation.class, profile);

        assertThat(run.exit()).as("Gatling's assertions (TTFT, ITL p95, failed requests)").isZero();
        JsonNode s = run.summary();
        assertThat(s.at("/data/counters/ok").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(s.at("/figures/latencyMs/ttft/count").asLong()).isPositive();
        assertThat(s.at("/figures/latencyMs/itl/p50").asDouble()).as("emulated inter-token 20-25 ms").isBetween(15.0,
                60.0);
        assertThat(s.at("/data/origins").size()).as("answers from several origins").isGreaterThan(1);
        JsonNode accuracy = s.at("/figures/accuracy");
        assertThat(accuracy.path("streamsMatched").asLong()).as("every timed stream found in ground truth")
                .isPositive().isEqualTo(accuracy.path("streamsMeasured").asLong());
        assertThat(accuracy.path("streamsFrameCountDiffers").asLong()).isZero();
        assertThat(accuracy.at("/itlErrorMs/count").asLong()).isEqualTo(s.at("/figures/latencyMs/itl/count").asLong());
        s.path("checks").fields().forEachRemaining(c -> assertThat(c.getValue().asText()).as(c.getKey()).isEmpty());
        assertKeyAppearsNowhere(dir);
    }

    /**
     * A target file sends the load to the gateway it names, with the key from the secrets file it is given: here the
     * "real deployment" is an embedded topology started by the test, so the accounts' records show where chats went.
     */
    @Test
    void aTargetFileSendsTheLoadToItsGatewayWithTheKeyFromTheSecretsFile(@TempDir Path dir) throws Exception {
        Path profile = profile(dir, "scenarios/load/smoke.yaml", SHARED_MACHINE_SLO);
        try (EmbeddedTopology deployment = EmbeddedTopology.start(TopologyLoader.load(dir.resolve("topology.yaml")),
                Files.createDirectories(dir.resolve("deployment")))) {
            String variable = "HARNESS_TEST_KEY_" + key.substring(0, 8).toUpperCase();
            String target = Files.readString(Path.of("scenarios/targets/example.yaml"))
                    .replace("active: AOAI_HARNESS_KEY", "active: " + variable)
                    .replace("    suspended: AOAI_HARNESS_SUSPENDED_KEY", "")
                    .replace("  apiId: azure-openai", "  apiId: azure-openai\n  gatewayUrl: "
                            + deployment.endpoints().apim().gatewayUrl().replaceFirst("/openai/?$", ""));
            Path targetFile = Files.writeString(dir.resolve("target.yaml"), target);
            Path secrets = Files.writeString(dir.resolve("secrets.env"), variable + "=" + key + "\n");
            System.setProperty("harness.target", targetFile.toString());
            System.setProperty("harness.secrets", secrets.toString());

            Run run = gatling(dir, SmokeSimulation.class, profile);

            assertThat(run.exit()).isZero();
            assertThat(run.summary().at("/data/counters/ok").asLong()).isGreaterThanOrEqualTo(8);
            assertThat(run.summary().at("/figures/accuracy").isMissingNode()).as("no ground truth on a real target")
                    .isTrue();
            AdminClient admin = new AdminClient(deployment.endpoints().admin().url());
            long arrived = deployment.endpoints().accounts().stream()
                    .mapToLong(a -> admin.get("/admin/accounts/" + a.name() + "/requests").size()).sum();
            assertThat(arrived).as("chats that reached the target's accounts").isGreaterThanOrEqualTo(8);
            assertKeyAppearsNowhere(dir.resolve("gatling"));
            assertThat(run.summary().toString()).doesNotContain(key);
        }
    }

    @Test
    void anSloNoStreamCanMeetFailsTheRun(@TempDir Path dir) throws IOException {
        Path profile = profile(dir, "scenarios/load/smoke.yaml", Map.of(
                "usersPerSec: 2, durationSec: 15", "usersPerSec: 2, durationSec: 2",
                "ttftP95Ms: 2500", "ttftP95Ms: 1"));

        Run run = gatling(dir, SmokeSimulation.class, profile);

        assertThat(run.exit()).as("a TTFT p95 below 1 ms cannot be met by an emulated 200 ms first token").isNotZero();
        assertThat(run.summary().at("/figures/latencyMs/ttft/p95").asDouble()).isGreaterThan(1.0);
    }

    @Test
    void retriesAfter429WaitAtLeastTheAdvisedTime(@TempDir Path dir) throws IOException {
        System.setProperty("storm.throttleCount", "4");
        System.setProperty("storm.retryAfterMs", "300");
        Path profile = profile(dir, "scenarios/load/storm.yaml", Map.of());
        // every origin in Front Door's latency band whatever the probes measure on a busy machine, so each of the
        // three accounts gets traffic and throttles its four
        Path topology = dir.resolve("topology.yaml");
        String band = "additionalLatencyInMilliseconds: 50}";
        assertThat(Files.readString(topology)).contains(band);
        Files.writeString(topology,
                Files.readString(topology).replace(band, "additionalLatencyInMilliseconds: 60000}"));

        Run run = gatling(dir, StormSimulation.class, profile);

        JsonNode c = run.summary().at("/data/counters");
        assertThat(run.exit()).isZero();
        assertThat(c.path("throttled429").asLong()).as("3 accounts × 4 throttled answers").isEqualTo(12);
        assertThat(c.path("retries").asLong()).isPositive()
                .isEqualTo(c.path("throttled429").asLong() - c.path("failedAfterRetries").asLong());
        assertThat(c.path("retriesBeforeAdvisedTime").asLong()).isZero();
        assertThat(c.path("advisedWaitMicros").asLong()).isEqualTo(300_000L * c.path("retries").asLong());
        assertThat(c.path("waitedMicros").asLong()).isGreaterThanOrEqualTo(c.path("advisedWaitMicros").asLong());
        assertThat(run.summary().at("/figures/latencyMs/recoveryAfterThrottle/count").asLong()).isPositive();
        assertKeyAppearsNowhere(dir);
    }

    private Run gatling(Path dir, Class<?> simulation, Path profile) throws IOException {
        return InProcessGatling.run(dir, simulation, profile);
    }

    private Path profile(Path dir, String shipped, Map<String, String> edits) throws IOException {
        return InProcessGatling.profile(dir, shipped, edits, key);
    }

    private void assertKeyAppearsNowhere(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).filter(f -> !f.endsWith("topology.yaml")).toList();
            assertThat(all).as("reports were written").anyMatch(f -> f.toString().endsWith(".html"));
            for (Path f : all) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(key);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
