package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.load.InProcessGatling.Run;
import io.aoaigw.harness.target.AdminClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short smoke run against a topology running beside: the summary's {@code figures.accountsView}, read from Azure
 * Monitor's metrics over ARM as on a real target, gives each account exactly the requests and tokens its admin API
 * counted; when ARM refuses the read (a reader without Reader) it says why in one line and the run still passes.
 */
class AccountsViewLoadTest {
    private static final String KEY = "accounts-view-test-key-0123456789ab";
    private static final Map<String, String> SHORT = Map.of(
            "usersPerSec: 2, durationSec: 15", "usersPerSec: 3, durationSec: 4",
            "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000");

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    @Test
    void theAccountsMetricsCountWhatTheirAdminApiCounted(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", SHORT, KEY);
        try (EmbeddedTopology beside = InProcessGatling.startBeside(dir)) {
            AdminClient admin = new AdminClient(beside.endpoints().admin().url());

            Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

            assertThat(run.exit()).isZero();
            JsonNode view = run.summary().at("/figures/accountsView");
            assertThat(view.path("available").asBoolean()).as(view.toString()).isTrue();
            long total = 0;
            String md = Files.readString(dir.resolve("load-summary.md"));
            for (var a : beside.endpoints().accounts()) {
                JsonNode counters = admin.get("/admin/accounts/" + a.name() + "/counters");
                JsonNode account = view.path("accounts").path(a.name());
                assertThat(account.path("region").asText()).isEqualTo(a.region());
                assertThat(account.path("requests").asLong()).as(a.name())
                        .isEqualTo(counters.path("requests").asLong());
                assertThat(account.path("promptTokens").asLong()).as(a.name())
                        .isEqualTo(counters.path("promptTokens").asLong());
                assertThat(account.path("generatedTokens").asLong()).as(a.name())
                        .isEqualTo(counters.path("completionTokens").asLong());
                assertThat(account.path("harnessHeaderPathAnswers").asLong())
                        .isLessThanOrEqualTo(account.path("requests").asLong());
                assertThat(md).contains("| " + a.name() + " | " + a.region() + " | " + account.path("requests"));
                total += account.path("requests").asLong();
            }
            assertThat(total).as("every chat reached an account").isGreaterThanOrEqualTo(
                    run.summary().at("/data/counters/chats").asLong()).isPositive();
        }
    }

    @Test
    void aReaderWithoutReaderGetsOneLineSayingWhyAndTheRunStillPasses(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", SHORT, KEY);
        Path topology = dir.resolve("topology.yaml");
        String reader = "{principal: harness-reader, role: Reader, scope: resourceGroup}";
        assertThat(Files.readString(topology)).contains(reader);
        Files.writeString(topology, Files.readString(topology).replace(reader,
                "{principal: harness-reader, role: Cognitive Services OpenAI User, scope: \"account:aoai-eastus\"}"));

        Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

        assertThat(run.exit()).isZero();
        JsonNode view = run.summary().at("/figures/accountsView");
        assertThat(view.path("available").asBoolean()).as(view.toString()).isFalse();
        assertThat(view.path("reason").asText()).startsWith("Azure Monitor metrics not read: ")
                .contains("AuthorizationFailed").doesNotContain("\n");
        assertThat(Files.readString(dir.resolve("load-summary.md"))).contains("Not available: ");
    }
}
