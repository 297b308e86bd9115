package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.topology.FrontDoor;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An account taken down mid-run (through the admin API, as a load test would) stops receiving traffic within the
 * probe settings' time — (sampleSize − successfulSamplesRequired + 1) probe intervals — and gets it back after it
 * recovers (successfulSamplesRequired intervals). The interval is 1 s here; 2 s of slack cover a probe in flight.
 */
class OriginFailoverTest {
    private static final String DOWN = "aoai-westeurope";

    @Test
    void downOriginStopsGettingTrafficWithinTheProbeWindowAndComesBack() {
        try (EmbeddedTopology embedded = ChainTopologies.start("failover", ChainTopologies.replaceOnce(
                "intervalSeconds: 5", "intervalSeconds: 1"))) {
            AdminClient admin = new AdminClient(embedded.endpoints().admin().url());
            ChainClient client = new ChainClient(embedded);
            FrontDoor.LoadBalancing lb = embedded.topology().frontDoor().originGroup().loadBalancing();
            String region = embedded.topology().account(DOWN).orElseThrow().region();
            assertThat(regionsOf(client, 30)).contains(region);

            admin.put("/admin/accounts/" + DOWN + "/faults", Map.of("down", true));
            Duration toUnhealthy = Await.until(DOWN + " unhealthy",
                    Duration.ofSeconds(lb.sampleSize() - lb.successfulSamplesRequired() + 1 + 2),
                    () -> !originHealthy(admin));
            assertThat(regionsOf(client, 30)).doesNotContain(region);

            admin.delete("/admin/accounts/" + DOWN + "/faults");
            Await.until(DOWN + " healthy again", Duration.ofSeconds(lb.successfulSamplesRequired() + 2),
                    () -> originHealthy(admin));
            assertThat(regionsOf(client, 30)).contains(region);
            assertThat(toUnhealthy).isPositive();
        }
    }

    private static boolean originHealthy(AdminClient admin) {
        JsonNode origin = admin.get("/admin/frontdoor/origins/" + DOWN);
        return origin.path("healthy").asBoolean();
    }

    /** Regions that answered n sequential requests; every request must succeed. */
    private static java.util.Set<String> regionsOf(ChainClient client, int n) {
        return IntStream.range(0, n).mapToObj(i -> client.chat("load", 1)).peek(a -> assertThat(a.status())
                .as("status through the gateway").isEqualTo(200)).map(ChainClient.Answer::region)
                .collect(java.util.stream.Collectors.toSet());
    }
}
