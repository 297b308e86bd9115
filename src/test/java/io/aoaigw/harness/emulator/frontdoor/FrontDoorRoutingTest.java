package io.aoaigw.harness.emulator.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.aoaigw.harness.emulator.frontdoor.testsupport.Traffic;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontDoorRoutingTest {
    private FrontDoorFixture fd;

    @AfterEach
    void stop() {
        if (fd != null) {
            fd.close();
        }
    }

    /**
     * Weights 1000/500/250 give shares 4/7, 2/7, 1/7. Each observed count must lie within four binomial standard
     * deviations of its expectation, |observed − N·p| ≤ 4·sqrt(N·p·(1−p)): a correct emulator misses that with
     * probability below 1e-4 per origin (and the seed makes the run reproducible); equal weights would miss it by far.
     */
    @Test
    void requestsSpreadOverOriginsOfOnePriorityByWeight() {
        fd = FrontDoorFixture.start(new TestTopology()
                        .origin("eastus", 1, 1000).origin("westeurope", 1, 500).origin("swedencentral", 1, 250),
                FrontDoorOptions.defaults().withRandom(new SplittableRandom(20240601)));
        int n = 1400;
        Map<String, Double> expected = Map.of("eastus", 4 / 7.0, "westeurope", 2 / 7.0, "swedencentral", 1 / 7.0);

        Map<String, Integer> spread = new Traffic(fd).spread(n);

        assertThat(spread.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((origin, p) -> {
            double tolerance = 4 * Math.sqrt(n * p * (1 - p));
            assertThat((double) spread.get(origin)).as("requests to %s", origin).isCloseTo(n * p, within(tolerance));
            assertThat(fd.origin(origin).requestCount()).as("what %s itself saw", origin).isEqualTo(spread.get(origin));
            OriginStats stats = fd.emulator().originStats(origin);
            assertThat(stats.requests()).isEqualTo(spread.get(origin).longValue());
            assertThat(stats.responses()).containsEntry("200", (long) spread.get(origin));
            assertThat(stats.selectedShare()).isCloseTo(p, within(1e-9));
        });
    }

    @Test
    void priorityTwoGetsTrafficOnlyWhenEveryPriorityOneOriginIsOut() {
        fd = FrontDoorFixture.start(new TestTopology()
                        .origin("primary-a", 1, 1000).origin("primary-b", 1, 1000).origin("backup", 2, 1000),
                FrontDoorOptions.defaults().withProbeInterval(Duration.ofMillis(200)));
        Traffic traffic = new Traffic(fd);

        assertThat(traffic.spread(100)).containsOnlyKeys("primary-a", "primary-b");

        fd.emulator().setOriginEnabled("primary-a", false);
        assertThat(traffic.spread(50)).containsOnlyKeys("primary-b");

        fd.origin("primary-b").failProbes(true);
        fd.awaitUntil("primary-b unhealthy", Duration.ofSeconds(10),
                () -> !fd.emulator().originStats("primary-b").healthy());
        assertThat(traffic.spread(50)).containsOnly(Map.entry("backup", 50));
        assertThat(fd.emulator().originStats("backup").selectedShare()).isEqualTo(1.0);

        fd.emulator().setOriginEnabled("primary-a", true);
        assertThat(traffic.spread(50)).containsOnly(Map.entry("primary-a", 50));
    }

    @Test
    void aDisabledOriginGetsNothingAndIsNotProbed() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000).origin("westeurope", 1, 1000),
                FrontDoorOptions.defaults().withProbeInterval(Duration.ofMillis(100)));
        fd.emulator().setOriginEnabled("westeurope", false);
        int probesWhenDisabled = fd.origin("westeurope").probes().size();
        int eastProbesBefore = fd.origin("eastus").probes().size();

        Map<String, Integer> spread = new Traffic(fd).spread(200);
        fd.awaitUntil("three more probe rounds", Duration.ofSeconds(10),
                () -> fd.origin("eastus").probes().size() >= eastProbesBefore + 3);

        assertThat(spread).containsOnly(Map.entry("eastus", 200));
        assertThat(fd.origin("westeurope").requestCount()).isZero();
        // at most a probe already in flight when it was disabled
        assertThat(fd.origin("westeurope").probes().size()).isLessThanOrEqualTo(probesWhenDisabled + 1);
        OriginStats stats = fd.emulator().originStats("westeurope");
        assertThat(stats.enabled()).isFalse();
        assertThat(stats.effectiveWeight()).isZero();
        assertThat(stats.selectedShare()).isZero();
    }

    @Test
    void anOriginSlowerThanTheFastestByMoreThanTheAdditionalLatencyGetsNothing() {
        fd = FrontDoorFixture.start(new TestTopology().origin("near", 1, 1000).origin("far", 1, 1000)
                        .additionalLatencyMs(50),
                FrontDoorOptions.defaults().withProbeInterval(Duration.ofMillis(400)));
        fd.origin("far").probeDelayMs(150);
        fd.awaitUntil("the far origin's probe latency measured", Duration.ofSeconds(10), () -> {
            Double far = fd.emulator().originStats("far").probeLatencyMs();
            return far != null && far >= 150;
        });

        Map<String, Integer> spread = new Traffic(fd).spread(100);

        assertThat(spread).containsOnly(Map.entry("near", 100));
        assertThat(fd.emulator().originStats("far").healthy()).isTrue();
        assertThat(fd.emulator().originStats("far").effectiveWeight()).isZero();
    }
}
