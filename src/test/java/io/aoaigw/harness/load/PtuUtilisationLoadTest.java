package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.load.InProcessGatling.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short capacity run over HTTP against {@code ptu-spillover} (50 PTU of gpt-4o first), offered about three times
 * what the PTUs drain so utilisation fills: the summary reports the PTU origin's utilisation per second, and every
 * second in which an answer was a 429 shows a utilisation of at least 100 % (the 429 carries the header too).
 */
class PtuUtilisationLoadTest {
    private static final Map<String, String> SHORT = Map.of(
            "rampSec: 20, usersPerSec: 14, durationSec: 80", "rampSec: 1, usersPerSec: 20, durationSec: 8",
            "maxRequests: 1400, maxDurationSec: 130", "maxRequests: 400, maxDurationSec: 60");

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    @Test
    void fullUtilisationShowsAsAtLeastAHundredPercentWhereTheAccountThrottles(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("scenarios/load/capacity-ptu.yaml"));
        for (Map.Entry<String, String> e : SHORT.entrySet()) {
            assertThat(text).contains(e.getKey());
            text = text.replace(e.getKey(), e.getValue());
        }
        Path profile = Files.writeString(dir.resolve("profile.yaml"), text);

        Run run = InProcessGatling.run(dir, CapacitySimulation.class, profile);

        JsonNode eastus = run.summary().at("/figures/capacity/utilisation/eastus");
        assertThat(eastus.path("perSecond").size()).as("seconds with a utilisation header").isPositive();
        assertThat(eastus.path("maxPercent").asDouble()).isGreaterThanOrEqualTo(100.0);
        assertThat(eastus.path("ptu").asLong()).isEqualTo(50);
        assertThat(eastus.path("tokensPerMinPerPtu").asDouble()).isPositive();
        long byUtilisation = run.summary().at("/figures/layers/account/byCause/utilization").asLong();
        assertThat(byUtilisation).as("429s the PTU deployment sent").isPositive();
        long throttledSeconds = 0;
        for (Map.Entry<String, JsonNode> second : run.summary().path("data").path("timeline").properties()) {
            if (second.getValue().path(LoadSummary.THROTTLED_SENT).asLong() > 0) {
                throttledSeconds++;
                assertThat(second.getValue().path(LoadSummary.UTILISATION_PEAK + "eastus").asLong())
                        .as("utilisation (permille) in second %s, which had 429s", second.getKey())
                        .isGreaterThanOrEqualTo(1000);
            }
        }
        assertThat(throttledSeconds).isPositive();
    }
}
