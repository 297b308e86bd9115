package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.inventory.MetricReading;
import io.aoaigw.harness.inventory.MetricReading.Point;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts' view of a run: Azure Monitor's totals per account beside the harness's answers per region. */
class AccountsViewTest {
    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aMetricsTotalAddsEveryPointOfEveryTimeseriesAndSkipsMinutesWithoutData() {
        MetricReading reading = new MetricReading(AccountsView.REQUESTS, "Count", Map.of(
                "200", List.of(new Point(T0, null, 3.0), new Point(T0.plusSeconds(60), null, null)),
                "429", List.of(new Point(T0, null, 2.0))));

        assertThat(AccountsView.total(reading)).isEqualTo(5);
    }

    @Test
    void eachAccountSitsBesideTheHarnessAnswersFromItsRegion() {
        ObjectNode view = AccountsView.available("2026-12-05T08:00:00Z/2026-12-05T08:02:00Z", List.of(
                new AccountsView.Account("aoai-swe", "Sweden Central", 7, 700, 35),
                new AccountsView.Account("aoai-unknown", null, 1, 10, 5)), Map.of("swedencentral", 4L));

        assertThat(view.path("available").asBoolean()).isTrue();
        assertThat(view.at("/accounts/aoai-swe/requests").asLong()).isEqualTo(7);
        assertThat(view.at("/accounts/aoai-swe/promptTokens").asLong()).isEqualTo(700);
        assertThat(view.at("/accounts/aoai-swe/generatedTokens").asLong()).isEqualTo(35);
        assertThat(view.at("/accounts/aoai-swe/harnessHeaderPathAnswers").asLong()).isEqualTo(4);
        assertThat(view.at("/accounts/aoai-unknown/harnessHeaderPathAnswers").asLong()).isZero();
        assertThat(AccountsView.markdown(view)).contains("| aoai-swe | Sweden Central | 7 | 700 | 35 | 4 |")
                .contains("| aoai-unknown | – | 1 | 10 | 5 | 0 |").contains("2026-12-05T08:00:00Z/");
    }

    @Test
    void anUnreadableViewIsOneLineWithItsReason() {
        ObjectNode view = AccountsView.unavailable("Azure Monitor metrics not read: 403 AuthorizationFailed | x");

        assertThat(view.path("available").asBoolean()).isFalse();
        assertThat(view.path("reason").asText()).startsWith("Azure Monitor metrics not read: 403");
        assertThat(AccountsView.markdown(view).lines().filter(l -> l.startsWith("Not available: ")))
                .containsExactly("Not available: Azure Monitor metrics not read: 403 AuthorizationFailed \\| x");
    }
}
