package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Matching SSE refusals to APIM's and Front Door's own answers by count, and the figures they end up in. */
class SseRefusalsTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void refusalsGoToApimThenFrontDoorLessWhatTheHeaderPathAlreadyAttributedTheRestUnknown() {
        LoadSummary s = new LoadSummary();
        // the header path already read one APIM 429 and one Front Door page itself
        s.attributed(new Attribution(Layer.APIM, "rate-limit-by-key", null, OptionalLong.of(1000)), 429, T0);
        s.attributed(new Attribution(Layer.FRONT_DOOR, "OriginTimeout", null, OptionalLong.empty()), 504, T0);

        SseRefusals.byCount(s, List.of(T0 + 3000, T0 + 1000, T0 + 2000, T0 + 4000, T0 + 5000),
                Map.of(401, 1L, 429, 3L), Map.of("OriginTimeout", 2L), info -> 504);

        JsonNode layers = SummaryJson.toJson(s).at("/figures/layers");
        assertThat(layers.at("/apim/throttled429").asLong()).as("1 read + 2 matched").isEqualTo(3);
        assertThat(layers.at("/apim/byStatus/401").asLong()).isEqualTo(1);
        assertThat(layers.at("/apim/sseRefused").asLong()).isEqualTo(3);
        assertThat(layers.at("/frontDoor/byStatus/504").asLong()).as("1 read + 1 matched").isEqualTo(2);
        assertThat(layers.at("/frontDoor/sseRefused").asLong()).isEqualTo(1);
        assertThat(layers.at("/unknown/sseRefused").asLong()).as("more refusals than own answers").isEqualTo(1);
        assertThat(s.timeline().get((T0 + 1000) / 1000)).as("the earliest refusal goes first, to APIM's 429s")
                .containsEntry(LoadSummary.THROTTLED_BY + "apim", 1L);
    }

    @Test
    void withoutApimsRecordsNothingIsGuessedForApim() {
        LoadSummary s = new LoadSummary();

        SseRefusals.byCount(s, List.of(T0), null, Map.of(), info -> 503);

        assertThat(SummaryJson.toJson(s).at("/figures/layers").fieldNames()).toIterable().containsExactly("unknown");
    }

    @Test
    void anAccountsRefusalKeepsItsRegionAndRetriesCountPerLayer() {
        LoadSummary s = new LoadSummary();
        SseRefusals.byAccount(s, 429, "429", "swedencentral", T0);
        s.layer(Layer.ACCOUNT, LoadSummary.RETRIES, 4);
        s.layer(Layer.ACCOUNT, LoadSummary.EARLY_RETRIES, 1);

        JsonNode account = SummaryJson.toJson(s).at("/figures/layers/account");
        assertThat(account.at("/byOrigin/swedencentral/throttled429").asLong()).isEqualTo(1);
        assertThat(account.path("adviceCompliancePercent").asDouble()).isEqualTo(75.0);
    }
}
