package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UtilisationFiguresTest {
    private static final long T0_MS = 1_800_000_000_000L;
    private static final long T0 = T0_MS / 1000;

    @Test
    void headerValuesReadAsPermilleAndNonsenseIsSkipped() {
        assertThat(UtilisationFigures.permille("42.5%")).isEqualTo(425);
        assertThat(UtilisationFigures.permille(" 101.3 % ")).isEqualTo(1013);
        assertThat(UtilisationFigures.permille("7")).isEqualTo(70);
        assertThat(UtilisationFigures.permille(null)).isEqualTo(-1);
        assertThat(UtilisationFigures.permille("full")).isEqualTo(-1);
        assertThat(UtilisationFigures.permille("-3%")).isEqualTo(-1);
        assertThat(UtilisationFigures.permille("NaN%")).isEqualTo(-1);
    }

    @Test
    void eachSecondKeepsTheHighestUtilisationPerOriginByDisplayOrKeyName() {
        LoadSummary s = new LoadSummary();
        s.utilisation(T0_MS + 100, "East US", "40.0%");
        s.utilisation(T0_MS + 900, "eastus", "62.5%");
        s.utilisation(T0_MS + 950, "eastus", "50.0%");
        s.utilisation(T0_MS + 2_000, "eastus", "100.4%");
        s.utilisation(T0_MS + 2_000, "westeurope", "3.0%");

        JsonNode u = figures(s, T0, T0 + 3);

        assertThat(u.at("/eastus/perSecond/0").asDouble()).isEqualTo(62.5);
        assertThat(u.at("/eastus/perSecond/2").asDouble()).isEqualTo(100.4);
        assertThat(u.at("/eastus/perSecond").has("1")).as("no answer that second").isFalse();
        assertThat(u.at("/eastus/maxPercent").asDouble()).isEqualTo(100.4);
        assertThat(u.at("/westeurope/maxPercent").asDouble()).isEqualTo(3.0);
        assertThat(u.at("/westeurope").has("tokensPerMinPerPtu")).as("not provisioned").isFalse();
    }

    @Test
    void mergingInjectorsKeepsThePeakNotTheSum() {
        LoadSummary a = new LoadSummary();
        LoadSummary b = new LoadSummary();
        a.utilisation(T0_MS, "eastus", "70.0%");
        b.utilisation(T0_MS + 10, "eastus", "80.0%");
        a.provisioned("eastus", 50, 4);
        b.provisioned("eastus", 50, 4);

        a.merge(b);

        JsonNode u = figures(a, T0, T0 + 1);
        assertThat(u.at("/eastus/perSecond/0").asDouble()).isEqualTo(80.0);
        assertThat(u.at("/eastus/ptu").asLong()).isEqualTo(50);
    }

    @Test
    void tokensPerMinutePerPtuCountOnlyTheMeasuredWindow() {
        LoadSummary s = new LoadSummary();
        s.provisioned("eastus", 50, 4);
        s.originTokens(T0_MS - 5_000, "eastus", 9_999, 9_999); // warm-up: before measuring
        for (int second = 0; second < 30; second++) {
            s.originTokens(T0_MS + second * 1000L, "East US", 1_000, 250);
        }
        s.originTokens(T0_MS + 30_000, "eastus", 9_999, 9_999); // the window's end is exclusive

        JsonNode e = figures(s, T0, T0 + 30).path("eastus");

        // 30 s = half a minute: 30,000 input + 7,500 output → 75,000 tokens/min over 50 PTU
        assertThat(e.path("measuredSeconds").asLong()).isEqualTo(30);
        assertThat(e.path("tokensPerMin").asDouble()).isEqualTo(75_000.0);
        assertThat(e.path("tokensPerMinPerPtu").asDouble()).isEqualTo(1_500.0);
        // weighted as the PTU drain counts: (30,000 + 4 × 7,500) × 2 / 50
        assertThat(e.path("weightedTokensPerMinPerPtu").asDouble()).isEqualTo(2_400.0);
        assertThat(e.path("perSecond").isEmpty()).as("no utilisation header seen").isTrue();
        assertThat(e.has("saturated")).as("no knee").isFalse();
    }

    @Test
    void saturatedFiguresCountFromTheKnee() {
        LoadSummary s = new LoadSummary();
        s.provisioned("eastus", 10, 4);
        for (int second = 0; second < 20; second++) {
            s.originTokens(T0_MS + second * 1000L, "eastus", second < 10 ? 100 : 400, 100);
        }
        Map<String, Long> counters;
        synchronized (s) {
            counters = new TreeMap<>(s.counters);
        }

        JsonNode e = UtilisationFigures.of(s.timeline(), counters, T0 - 5, T0, T0 + 20, T0 + 10).path("eastus");

        // from the knee: 10 s of 400 + 100 → 30,000 tokens/min over 10 PTU; the whole 20 s: 7,000 → 21,000 / 10
        assertThat(e.at("/saturated/fromSecond").asLong()).isEqualTo(15);
        assertThat(e.at("/saturated/tokensPerMinPerPtu").asDouble()).isEqualTo(3_000.0);
        assertThat(e.at("/saturated/weightedTokensPerMinPerPtu").asDouble()).isEqualTo(4_800.0);
        assertThat(e.path("tokensPerMinPerPtu").asDouble()).isEqualTo(2_100.0);
    }

    @Test
    void theCapacityFiguresCarryTheUtilisation() {
        LoadSummary s = new LoadSummary();
        s.window(T0_MS, T0_MS + 10_000);
        s.at(T0_MS, LoadSummary.OK, 1);
        s.utilisation(T0_MS + 3_000, "eastus", "99.9%");

        JsonNode figures = SummaryJson.toJson(s).path("figures").path("capacity").path("utilisation");

        assertThat(figures.at("/eastus/perSecond/3").asDouble()).isEqualTo(99.9);
    }

    private static JsonNode figures(LoadSummary s, long from, long end) {
        Map<String, Long> counters;
        synchronized (s) {
            counters = new TreeMap<>(s.counters);
        }
        return UtilisationFigures.of(s.timeline(), counters, from, from, end, -1);
    }
}
