package io.aoaigw.harness.emulator.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestOrigin;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.aoaigw.harness.emulator.frontdoor.testsupport.Traffic;
import io.aoaigw.harness.topology.FrontDoor;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontDoorHealthProbeTest {
    private static final Duration INTERVAL = Duration.ofMillis(300);
    /** Scheduling slack for a busy two-core machine; the bounds below are otherwise exact. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private FrontDoorFixture fd;

    @AfterEach
    void stop() {
        fd.close();
    }

    @Test
    void probesUseTheConfiguredMethodAndPathAndIdentifyThemselves() {
        fd = FrontDoorFixture.start(new TestTopology().probeMethod("HEAD")
                .origin(new FrontDoor.Origin("eastus", "eastus", 1, 1000, true, "aoai-eastus.openai.azure.com")));

        fd.awaitUntil("a probe answered and counted", Duration.ofSeconds(10),
                () -> fd.emulator().originStats("eastus").probes().successes() > 0);

        TestOrigin.Received probe = fd.origin("eastus").probes().get(0);
        assertThat(probe.method()).isEqualTo(HttpMethod.HEAD);
        assertThat(probe.uri()).isEqualTo(TestOrigin.PROBE_PATH);
        assertThat(probe.headers().get("X-FD-HealthProbe")).isEqualTo("1");
        assertThat(probe.headers().get("User-Agent")).isEqualTo("Edge Health Probe");
        assertThat(probe.headers().get("Host")).isEqualTo("aoai-eastus.openai.azure.com");
        assertThat(fd.emulator().originStats("eastus").probes().lastStatus()).isEqualTo(200);
    }

    /**
     * With sampleSize 4 and 3 successes required, the second failed probe leaves 2 of 4: unhealthy after
     * sampleSize − successfulSamplesRequired + 1 = 2 probes, so within 2 intervals (plus one for the timer's phase).
     * Recovery needs 3 successes in the window, so within 3 intervals (plus one).
     */
    @Test
    void anOriginFailingProbesLosesItsTrafficWithinTheBoundAndRegainsItAfterRecovering() {
        fd = FrontDoorFixture.start(new TestTopology().samples(4, 3).origin("eastus", 1, 1000)
                        .origin("westeurope", 1, 1000), FrontDoorOptions.defaults().withProbeInterval(INTERVAL));
        Traffic traffic = new Traffic(fd);
        assertThat(traffic.spread(100)).containsOnlyKeys("eastus", "westeurope");
        int failuresNeeded = 4 - 3 + 1;

        fd.origin("westeurope").failProbes(true);
        fd.awaitUntil("westeurope unhealthy", INTERVAL.multipliedBy(failuresNeeded + 1).plus(SLACK),
                () -> !fd.emulator().originStats("westeurope").healthy());

        assertThat(fd.origin("westeurope").failedProbes()).as("not before enough failed probes")
                .isGreaterThanOrEqualTo(failuresNeeded);
        assertThat(traffic.spread(100)).containsOnly(Map.entry("eastus", 100));

        fd.origin("westeurope").failProbes(false);
        fd.awaitUntil("westeurope healthy again", INTERVAL.multipliedBy(3 + 1).plus(SLACK),
                () -> fd.emulator().originStats("westeurope").healthy());

        assertThat(traffic.spread(100)).containsKey("westeurope");
    }

    @Test
    void whenEveryOriginIsUnhealthyRequestsGoRoundRobinOverAllEnabledOrigins() {
        fd = FrontDoorFixture.start(new TestTopology().samples(2, 2)
                        .origin("a", 1, 1000).origin("b", 1, 10).origin("c", 2, 1000).origin("d", 1, 1000),
                FrontDoorOptions.defaults().withProbeInterval(INTERVAL));
        fd.emulator().setOriginEnabled("d", false);
        List.of("a", "b", "c", "d").forEach(name -> fd.origin(name).failProbes(true));
        fd.awaitUntil("round-robin routing", Duration.ofSeconds(10),
                () -> fd.emulator().stats().routing().equals("roundRobin"));

        List<String> sequence = new Traffic(fd).sequence(30);

        // weights and priorities no longer matter; the disabled origin still gets nothing
        assertThat(sequence).containsOnly("a", "b", "c");
        for (int i = 3; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("request %d repeats request %d", i, i - 3).isEqualTo(sequence.get(i - 3));
        }
        assertThat(sequence.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(fd.emulator().originStats("b").selectedShare()).isEqualTo(1 / 3.0);
    }
}
