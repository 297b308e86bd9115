package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.inventory.MetricReading;
import io.aoaigw.harness.target.TargetArm;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Azure Monitor's metrics of the running deployment, read as the harness reads them on a real target (ARM's
 * Microsoft.Insights/metrics with the reader's credential): Front Door's origin health from its own probes, the
 * accounts' requests and tokens from their own answers.
 */
class AzureMonitorMetricsTest {
    private static final Duration LOOKBACK = Duration.ofMinutes(15);

    @Test
    void originHealthFollowsTheProbesAndAccountsCountTheirRequestsAndTokens() {
        try (EmbeddedTopology embedded = ChainTopologies.start("metrics", UnaryOperator.identity())) {
            ChainClient client = new ChainClient(embedded);
            for (int i = 0; i < 3; i++) {
                assertThat(client.chat("load", 5).status()).isEqualTo(200);
            }

            MetricReading health = awaitMetric(embedded, profileId(embedded), "OriginHealthPercentage", "average",
                    "Origin", r -> r.bySplitValue().size() == 3);
            Await.until("3 requests in the accounts' metrics", Duration.ofSeconds(20),
                    () -> sumOverAccounts(embedded, "AzureOpenAIRequests") == 3.0);

            health.bySplitValue().values().forEach(points ->
                    assertThat(MetricReading.meanOfAverages(points)).isEqualTo(100.0));
            assertThat(sumOverAccounts(embedded, "GeneratedTokens")).isEqualTo(15.0);
            assertThat(sumOverAccounts(embedded, "TokenTransaction"))
                    .isEqualTo(sumOverAccounts(embedded, "GeneratedTokens")
                            + sumOverAccounts(embedded, "ProcessedPromptTokens"));
        }
    }

    @Test
    void aProbePathThatNeverAnswers200ShowsAsZeroHealth() {
        try (EmbeddedTopology embedded = ChainTopologies.start("metrics-probe", ChainTopologies.replaceOnce(
                "path: /status-0123456789abcdef", "path: /health"))) {
            MetricReading health = awaitMetric(embedded, profileId(embedded), "OriginHealthPercentage", "average",
                    "Origin", r -> r.bySplitValue().size() == 3);

            health.bySplitValue().values().forEach(points ->
                    assertThat(MetricReading.meanOfAverages(points)).isZero());
        }
    }

    private static MetricReading awaitMetric(EmbeddedTopology embedded, String resourceId, String metric,
                                             String aggregation, String dimension,
                                             java.util.function.Predicate<MetricReading> ready) {
        InventoryReader reader = reader(embedded);
        MetricReading[] last = new MetricReading[1];
        Await.until(metric + " recorded", Duration.ofSeconds(20), () -> {
            last[0] = reader.readMetric(InventoryTarget.of(embedded.topology()), resourceId, metric, LOOKBACK,
                    Duration.ofMinutes(1), aggregation, dimension);
            return ready.test(last[0]);
        });
        return last[0];
    }

    private static double total(List<MetricReading.Point> points) {
        return points.stream().map(MetricReading.Point::total).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
    }

    private static String profileId(EmbeddedTopology embedded) {
        Topology t = embedded.topology();
        return t.resourceGroupId() + "/providers/Microsoft.Cdn/profiles/" + t.frontDoor().profile();
    }

    /** The metric's total over the lookback, summed over every account. */
    private static double sumOverAccounts(EmbeddedTopology embedded, String metric) {
        InventoryReader reader = reader(embedded);
        return embedded.topology().accounts().stream().mapToDouble(a -> total(reader.readMetric(
                InventoryTarget.of(embedded.topology()), embedded.topology().accountResourceId(a.name()), metric,
                LOOKBACK, LOOKBACK, "total", null).bySplitValue().get(""))).sum();
    }

    private static InventoryReader reader(EmbeddedTopology embedded) {
        return TargetArm.embedded(embedded.endpoints(), "the embedded topology", UnaryOperator.identity()).reader();
    }
}
