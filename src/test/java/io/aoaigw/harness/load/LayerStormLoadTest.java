package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.load.InProcessGatling.Run;
import io.aoaigw.harness.target.AdminClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm at each layer: short smoke runs (half the chats on the header path, half streamed) against a topology
 * running beside, made to refuse at one layer — APIM's rate-limit-by-key, the accounts' throttles, Front Door with
 * every origin disabled. The summary's {@code figures.layers} must give that layer exactly the refusals the admin
 * API counted for it, SSE chats included (whose status Gatling never sees), and no other layer any.
 */
class LayerStormLoadTest {
    private static final String KEY = "layer-storm-test-key-0123456789abc";
    private static final Map<String, String> SHORT = Map.of(
            "usersPerSec: 2, durationSec: 15", "usersPerSec: 3, durationSec: 4",
            "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000",
            "errorPercent: 1,", "errorPercent: 100,");

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    @Test
    void apimsRateLimitByKeyStormIsApims(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", SHORT, KEY);
        String anchor = "<authentication-managed-identity";
        edit(dir.resolve("topology.yaml"), anchor, "<rate-limit-by-key calls=\"2\" renewal-period=\"2\""
                + " counter-key=\"@(context.Subscription.Id)\" />\n          " + anchor);
        try (EmbeddedTopology beside = InProcessGatling.startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            JsonNode apim = layers(run).path("apim");
            long own429 = admin.get("/admin/apim").path("throttled").asLong() - sum(beside, admin, "throttled");
            assertThat(own429).as("429s APIM sent itself").isPositive();
            assertThat(apim.path("throttled429").asLong()).isEqualTo(own429);
            long sse = apim.path("sseRefused").asLong();
            assertThat(sse).as("every SSE refusal is APIM's").isEqualTo(sseRefused(run));
            assertThat(apim.at("/byCause/rate-limit-by-key").asLong()).as("header path: read from the body")
                    .isEqualTo(own429 - sse);
            assertThat(apim.path("retries").asLong()).isPositive();
            assertThat(apim.path("retriesBeforeAdvisedTime").asLong()).isZero();
            assertOnlyLayer(run, "apim");
            assertThat(timelineSum(run, "throttled429.apim")).isEqualTo(own429);
            assertReportNames(dir, "Chat 429 (apim)");
        }
    }

    @Test
    void accountThrottleStormIsTheAccountsPerOrigin(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", SHORT, KEY);
        try (EmbeddedTopology beside = InProcessGatling.startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());
            beside.endpoints().accounts().forEach(a -> admin.put("/admin/accounts/" + a.name() + "/faults",
                    Map.of("throttleCount", 3, "throttleRetryAfterMs", 300)));

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            JsonNode account = layers(run).path("account");
            long throttled = sum(beside, admin, "throttled");
            assertThat(throttled).as("429s the accounts sent").isPositive();
            assertThat(account.path("throttled429").asLong()).isEqualTo(throttled);
            beside.endpoints().accounts().forEach(a -> assertThat(account.at("/byOrigin/" + a.region()
                    + "/throttled429").asLong()).as(a.name()).isEqualTo(admin.get("/admin/accounts/" + a.name()
                    + "/counters").path("throttled").asLong()));
            assertThat(account.path("sseRefused").asLong()).isEqualTo(sseRefused(run));
            assertThat(account.path("retriesBeforeAdvisedTime").asLong()).isZero();
            assertOnlyLayer(run, "account");
            assertThat(timelineSum(run, "throttled429.account")).isEqualTo(throttled);
            assertReportNames(dir, "Chat 429 (account)");
        }
    }

    @Test
    void frontDoorsErrorPagesAreFrontDoors(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", SHORT, KEY);
        try (EmbeddedTopology beside = InProcessGatling.startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());
            beside.endpoints().accounts().forEach(a -> admin.put("/admin/frontdoor/origins/" + a.name()
                    + "/enabled", false));

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            JsonNode frontDoor = layers(run).path("frontDoor");
            long pages = admin.get("/admin/frontdoor").at("/errors/UnspecifiedError").asLong();
            assertThat(pages).as("503 pages Front Door sent").isPositive()
                    .isEqualTo(run.summary().at("/data/counters/chats").asLong());
            assertThat(frontDoor.path("errors").asLong()).isEqualTo(pages);
            assertThat(frontDoor.at("/byCause/UnspecifiedError").asLong()).isEqualTo(pages);
            assertThat(frontDoor.at("/byStatus/503").asLong()).isEqualTo(pages);
            assertThat(frontDoor.path("sseRefused").asLong()).isEqualTo(sseRefused(run));
            assertOnlyLayer(run, "frontDoor");
            assertReportNames(dir, "Chat 503 (frontDoor)");
        }
    }

    private static JsonNode layers(Run run) {
        return run.summary().at("/figures/layers");
    }

    private static long sseRefused(Run run) {
        long n = run.summary().at("/figures/chats/failedBy/sseRefusedBeforeFirstFrame").asLong();
        assertThat(n).as("SSE chats refused before their first frame").isPositive();
        return n;
    }

    private static void assertOnlyLayer(Run run, String layer) {
        assertThat(layers(run).fieldNames()).toIterable().containsExactly(layer);
    }

    private static long timelineSum(Run run, String counter) {
        long total = 0;
        for (JsonNode second : run.summary().at("/data/timeline")) {
            total += second.path(counter).asLong();
        }
        return total;
    }

    /** Gatling's report names the layer's events. */
    private static void assertReportNames(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("gatling"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".html")))
                    .anyMatch(f -> read(f).contains(name));
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static long sum(EmbeddedTopology t, AdminClient admin, String counter) {
        return t.endpoints().accounts().stream()
                .mapToLong(a -> admin.get("/admin/accounts/" + a.name() + "/counters").path(counter).asLong()).sum();
    }
}
