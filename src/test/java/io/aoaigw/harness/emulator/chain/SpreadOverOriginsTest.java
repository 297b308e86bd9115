package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.topology.FrontDoor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Requests through APIM spread over Front Door's origins as the weights say. Tolerance: each origin's count lies
 * within 4 standard deviations of the binomial expectation, |n_i − N·p_i| ≤ 4·sqrt(N·p_i·(1−p_i)), which a correct
 * router misses with probability below 1e-4 per origin.
 */
class SpreadOverOriginsTest {
    private static final int REQUESTS = 200;

    @Test
    void sharesFollowTheOriginWeights() throws Exception {
        try (EmbeddedTopology embedded = ChainTopologies.start("weighted", ChainTopologies.replaceOnce(
                "{account: aoai-westeurope, priority: 1, weight: 1000}",
                "{account: aoai-westeurope, priority: 1, weight: 500}"))) {
            Map<String, Long> byRegion = spread(embedded);

            List<FrontDoor.Origin> origins = embedded.topology().frontDoor().origins();
            double total = origins.stream().mapToInt(FrontDoor.Origin::weight).sum();
            for (FrontDoor.Origin origin : origins) {
                String region = embedded.topology().account(origin.account()).orElseThrow().region();
                double p = origin.weight() / total;
                double expected = REQUESTS * p;
                double tolerance = 4 * Math.sqrt(REQUESTS * p * (1 - p));
                assertThat((double) byRegion.getOrDefault(region, 0L)).as("requests to %s (expected %.0f ± %.0f)",
                        region, expected, tolerance).isBetween(expected - tolerance, expected + tolerance);
            }
        }
    }

    private static Map<String, Long> spread(EmbeddedTopology embedded) throws Exception {
        ChainClient client = new ChainClient(embedded);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<ChainClient.Answer>> answers = pool.invokeAll(java.util.Collections.nCopies(REQUESTS,
                    () -> client.chat("load", 1)));
            List<ChainClient.Answer> done = new java.util.ArrayList<>();
            for (Future<ChainClient.Answer> answer : answers) {
                done.add(answer.get());
            }
            assertThat(done).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            return done.stream().collect(Collectors.groupingBy(ChainClient.Answer::region, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
