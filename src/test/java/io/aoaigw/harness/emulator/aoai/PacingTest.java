package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.LatencyModel;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pacing, judged on ground truth (when the account actually wrote each frame) against the latency model: frames are
 * never early, and the ratios of the schedule hold however fast the machine is.
 */
class PacingTest {
    private static final int TTFT_MS = 150;
    private static final int ITL_MS = 30;
    private static final int TOKENS = 20;
    private static final Deployment FIXED_LENGTH = TestAccounts.gpt4o(1_000_000, 100_000, TOKENS, TOKENS);
    private static RunningAccount account;

    @BeforeAll
    static void start() {
        account = RunningAccount.start(TestAccounts.account(new LatencyModel(TTFT_MS, ITL_MS, 0), FIXED_LENGTH));
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void streamFramesFollowTheScheduleFromArrivalWithoutDrift() {
        RequestRecord record = streamed("Describe a mountain.");

        long arrival = record.arrivalEpochMicros();
        long[] content = record.contentFrameEpochMicros();
        assertThat(content).hasSize(TOKENS);
        for (int i = 0; i < TOKENS; i++) {
            long deadline = arrival + (TTFT_MS + (long) i * ITL_MS) * 1000;
            assertThat(content[i]).as("content frame %d is never early", i).isGreaterThanOrEqualTo(deadline - 1);
        }
        long[] gaps = new long[TOKENS - 1];
        for (int i = 1; i < TOKENS; i++) {
            gaps[i - 1] = content[i] - content[i - 1];
        }
        Arrays.sort(gaps);
        double medianGap = gaps[gaps.length / 2];
        assertThat(medianGap / (ITL_MS * 1000)).isBetween(0.8, 1.2);
        double ttftOverItl = (record.firstContentFrameEpochMicros() - arrival) / medianGap;
        assertThat(ttftOverItl).isBetween(TTFT_MS / (double) ITL_MS * 0.8, TTFT_MS / (double) ITL_MS * 1.25);
    }

    @Test
    void promptFilterAndRoleFramesGoOutWithTheHeadersBeforeTheFirstToken() {
        RequestRecord record = streamed("Describe a valley.");

        long[] frames = record.frameEpochMicros();
        long toFirstContent = record.firstContentFrameEpochMicros() - record.arrivalEpochMicros();
        assertThat(frames[1] - record.arrivalEpochMicros()).isLessThan(toFirstContent / 3);
        // prompt filter, role, content, finish, usage, [DONE]
        assertThat(frames).hasSize(2 + TOKENS + 3).isSorted();
        assertThat(frames[2]).isEqualTo(record.firstContentFrameEpochMicros());
    }

    @Test
    void wholeAnswerArrivesAfterTheLastTokensTime() {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                RunningAccount.chatBody("Describe a river.", ""));

        RequestRecord record = Await.record(account.emulator, requestId(response));
        long lastTokenDue = (TTFT_MS + (long) (TOKENS - 1) * ITL_MS) * 1000;
        assertThat(record.completedEpochMicros() - record.arrivalEpochMicros()).isGreaterThanOrEqualTo(lastTokenDue);
        assertThat(record.frameEpochMicros()).isNull();
    }

    @Test
    void slowFaultDelaysTheFirstTokenByItsAmount() {
        int slowMs = 300;
        account.emulator.setFaults(new Faults(null, slowMs, null, null, null, null, null)).await();
        try {
            RequestRecord record = streamed("Describe a canyon.");

            long toFirstContent = record.firstContentFrameEpochMicros() - record.arrivalEpochMicros();
            assertThat(toFirstContent).isGreaterThanOrEqualTo((TTFT_MS + slowMs) * 1000L);
            long[] content = record.contentFrameEpochMicros();
            assertThat(content[TOKENS - 1] - record.arrivalEpochMicros())
                    .isGreaterThanOrEqualTo((TTFT_MS + slowMs + (TOKENS - 1L) * ITL_MS) * 1000);
        } finally {
            account.emulator.clearFaults().await();
        }
    }

    private static RequestRecord streamed(String question) {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                RunningAccount.chatBody(question, ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        assertThat(response.statusCode()).isEqualTo(200);
        RequestRecord record = Await.record(account.emulator, requestId(response));
        assertThat(record.outcome()).isEqualTo(RequestRecord.Outcome.COMPLETED);
        return record;
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-request-id").orElseThrow();
    }
}
