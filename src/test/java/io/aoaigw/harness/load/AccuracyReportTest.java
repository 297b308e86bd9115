package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching of harness streams to ground truth by client request id, and the error maths, on made-up times. */
class AccuracyReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** HdrHistogram keeps 3 significant digits: above 2.048 ms a value reads up to 0.1 % high. */
    private static final org.assertj.core.data.Offset<Double> HDR = org.assertj.core.api.Assertions.within(0.006);
    private static final long T0 = 1_700_000_000_000_000L;

    @Test
    void ttftErrorIsReceiptMinusWriteAndItlErrorIsGapMinusGap() {
        // written at T0, +20, +45 ms; received 3 ms, 4 ms and 2 ms after each write
        Map<String, long[]> truth = Map.of("a", new long[] {T0, T0 + 20_000, T0 + 45_000});
        AccuracyReport.Measured a = new AccuracyReport.Measured("a",
                new long[] {T0 + 3_000, T0 + 24_000, T0 + 47_000});
        LoadSummary s = new LoadSummary();

        AccuracyReport.compare(List.of(a), truth, s);

        JsonNode f = AccuracyReport.figures(s);
        assertThat(f.path("streamsMatched").asLong()).isEqualTo(1);
        assertThat(f.at("/ttftErrorMs/count").asLong()).isEqualTo(1);
        assertThat(f.at("/ttftErrorMs/p50").asDouble()).isCloseTo(3.0, HDR);
        // gaps: harness 21 and 23 ms, truth 20 and 25 ms → +1 and −2 ms
        assertThat(f.at("/itlErrorMs/count").asLong()).isEqualTo(2);
        assertThat(f.at("/itlErrorMs/p1").asDouble()).isEqualTo(-2.0);
        assertThat(f.at("/itlErrorMs/p99").asDouble()).isEqualTo(1.0);
        assertThat(f.at("/itlErrorMs/absP99").asDouble()).isEqualTo(2.0);
        assertThat(f.at("/itlErrorMs/mean").asDouble()).isEqualTo(-0.5);
    }

    @Test
    void streamsAreMatchedByClientRequestIdAndUnmatchedOrMisalignedOnesAreCountedNotCompared() {
        Map<String, long[]> truth = Map.of(
                "same", new long[] {T0, T0 + 10_000},
                "fewer", new long[] {T0, T0 + 10_000, T0 + 20_000});
        LoadSummary s = new LoadSummary();

        AccuracyReport.compare(List.of(
                new AccuracyReport.Measured("same", new long[] {T0 + 1_000, T0 + 11_000}),
                new AccuracyReport.Measured("fewer", new long[] {T0 + 2_000, T0 + 12_000}),
                new AccuracyReport.Measured("unknown", new long[] {T0, T0 + 5_000})), truth, s);

        assertThat(s.count(AccuracyReport.MEASURED)).isEqualTo(3);
        assertThat(s.count(AccuracyReport.MATCHED)).isEqualTo(2);
        assertThat(s.count(AccuracyReport.FRAMES_DIFFER)).isEqualTo(1);
        JsonNode f = AccuracyReport.figures(s);
        assertThat(f.at("/ttftErrorMs/count").asLong()).as("first frames of both matched streams").isEqualTo(2);
        assertThat(f.at("/itlErrorMs/count").asLong()).as("gaps only where the frame counts agree").isEqualTo(1);
        assertThat(f.at("/itlErrorMs/p50").asDouble()).isZero();
    }

    @Test
    void measuredTimesAreRebuiltFromTheReportedTtftAndGaps() {
        StreamTimings t = new StreamTimings(100, 250_000, new long[] {20_000, 22_000}, 21_000, 300_000, 3, true);

        AccuracyReport.Measured m = AccuracyReport.Measured.of("x", T0, t);

        assertThat(m.contentEpochMicros()).containsExactly(T0 + 250_000, T0 + 270_000, T0 + 292_000);
    }

    @Test
    void signedPercentilesSurviveAWriteAndReadOfTheSummary(@TempDir Path dir) throws Exception {
        LoadSummary s = new LoadSummary();
        for (long e = -50; e <= 49; e++) {
            SignedErrors.record(s, AccuracyReport.ITL_ERROR, e * 100);
        }
        s.add(AccuracyReport.MEASURED, 1);
        SummaryJson.write(s, dir.resolve("s.json"));

        JsonNode f = SummaryJson.toJson(SummaryJson.read(dir.resolve("s.json"))).at("/figures/accuracy/itlErrorMs");

        assertThat(f.path("count").asLong()).isEqualTo(100);
        assertThat(f.path("p1").asDouble()).isCloseTo(-5.0, HDR);
        assertThat(f.path("p50").asDouble()).as("50th of −5.0…4.9 ms").isEqualTo(-0.1);
        assertThat(f.path("p99").asDouble()).isCloseTo(4.8, HDR);
        assertThat(f.path("absP50").asDouble()).isCloseTo(2.5, HDR);
    }

    @Test
    void truthIsReadFromAdminRecordsOfTheWantedIdsOnly() throws Exception {
        JsonNode records = JSON.readTree("""
                [{"clientRequestId":"a","contentFrameEpochMicros":[1,2,3]},
                 {"clientRequestId":null,"contentFrameEpochMicros":[4]},
                 {"clientRequestId":"other","contentFrameEpochMicros":[5]},
                 {"clientRequestId":"b","contentFrameEpochMicros":null}]""");
        Map<String, long[]> truth = new HashMap<>();

        AccuracyReport.truthOf(records, Set.of("a", "b"), truth);

        assertThat(truth).containsOnlyKeys("a", "b");
        assertThat(truth.get("a")).containsExactly(1, 2, 3);
        assertThat(truth.get("b")).isEmpty();
    }

    @Test
    void noAccuracyFiguresWithoutComparedStreams() {
        LoadSummary s = new LoadSummary();
        s.add(LoadSummary.OK, 3);

        assertThat(SummaryJson.toJson(s).path("figures").has("accuracy")).isFalse();
    }
}
