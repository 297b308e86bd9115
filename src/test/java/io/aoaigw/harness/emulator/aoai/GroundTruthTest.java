package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ground truth and counters as the admin API will publish them: bounded, ordered, JSON. */
class GroundTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ringKeepsTheNewestRecordsUpToItsCapacity() {
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(),
                EmulatorSettings.DEFAULTS.withGroundTruthCapacity(3))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(account.postWithKey(RunningAccount.chatPath("gpt-4o"), RunningAccount.chatBody("Q" + i, ""))
                        .headers().firstValue("x-request-id").orElseThrow());
            }

            GroundTruth truth = account.emulator.groundTruth();
            assertThat(truth.total()).isEqualTo(5);
            assertThat(truth.recent(10)).extracting(RequestRecord::requestId).containsExactlyElementsOf(ids.subList(2, 5));
            assertThat(truth.find(ids.get(0))).isEmpty();
        }
    }

    @Test
    void recordsAndCountersSerialiseToJson() throws Exception {
        try (RunningAccount account = RunningAccount.start(TestAccounts.account())) {
            HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                    RunningAccount.chatBody("Hi.", ",\"stream\":true"));
            RequestRecord record = Await.record(account.emulator,
                    response.headers().firstValue("x-request-id").orElseThrow());

            JsonNode json = JSON.readTree(JSON.writeValueAsString(record));
            assertThat(json.get("authKind").asText()).isEqualTo("API_KEY");
            assertThat(json.get("stream").asBoolean()).isTrue();
            assertThat(json.get("frameEpochMicros").size()).isEqualTo(record.frameEpochMicros().length);
            assertThat(json.get("completionTokens").asInt()).isEqualTo(record.contentFrameEpochMicros().length);
            assertThat(json.get("finishReason").asText()).isEqualTo("stop");
            JsonNode counters = JSON.readTree(JSON.writeValueAsString(account.emulator.counters()));
            assertThat(counters.at("/byStatus/200").asLong()).isEqualTo(1);
            assertThat(counters.at("/byDeployment/gpt-4o").asLong()).isEqualTo(1);
            assertThat(counters.get("streamed").asLong()).isEqualTo(1);
            assertThat(counters.get("completionTokens").asInt()).isEqualTo(record.completionTokens());
        }
    }
}
