package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.load.InProcessGatling.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed model keeps {@code concurrency} users at all times: once the request budget is spent, a user that ended
 * at once would be replaced at once, and Gatling would spin through users until the injection ends. Users that find
 * the budget spent wait for that end instead, so no more than {@code concurrency} of them are ever started.
 */
class ClosedModelBoundsTest {
    private static final int CONCURRENCY = 3;

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    @Test
    void aSpentBudgetDoesNotSpinThroughUsers(@TempDir Path dir) throws Exception {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/smoke.yaml", Map.of(
                "{model: open, usersPerSec: 2, durationSec: 15}",
                "{model: closed, concurrency: " + CONCURRENCY + ", durationSec: 8}",
                "{maxRequests: 200, maxDurationSec: 60}", "{maxRequests: " + CONCURRENCY + ", maxDurationSec: 60}",
                "{inputTokens: 100, outputTokens: 100}", "{inputTokens: 50, outputTokens: 5}",
                "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000"), "closed-test-key-0123456789");

        Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

        JsonNode c = run.summary().at("/data/counters");
        assertThat(c.path("chats").asLong()).as("the budget").isEqualTo(CONCURRENCY);
        assertThat(c.path("usersAfterBudgetSpent").asLong()).as("users that found the budget spent")
                .isBetween(1L, (long) CONCURRENCY);
    }
}
