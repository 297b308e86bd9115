package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryMergeTest {

    @Test
    void mergingTwoHalvesWrittenToFilesEqualsTheWhole(@TempDir Path dir) throws IOException {
        LoadSummary whole = new LoadSummary();
        LoadSummary first = new LoadSummary();
        LoadSummary second = new LoadSummary();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            LoadSummary half = i % 2 == 0 ? first : second;
            long sent = 1_000_000L * i;
            List<StreamFrame> frames = List.of(new StreamFrame(sent + random.nextLong(1_000, 50_000), "{}"),
                    content(sent + random.nextLong(100_000, 900_000)), content(sent + 1_000_000 + random.nextLong(
                    1, 90_000)), content(sent + 1_100_000 + random.nextLong(1, 90_000)));
            StreamTimings t = StreamTimings.of(sent, frames);
            long end = 1_700_000_000_000L + i * 37L;
            long recovery = random.nextLong(0, 10_000_000);
            for (LoadSummary s : List.of(whole, half)) {
                s.stream(t, end);
                s.add(LoadSummary.CHATS, 1);
                s.add(i % 10 == 0 ? LoadSummary.FAILED : LoadSummary.OK, 1);
                s.origin(List.of("eastus", "westeurope", "swedencentral").get(i % 3));
                s.at(end, LoadSummary.OK, 1);
                s.record(LoadSummary.RECOVERY, recovery);
            }
        }
        whole.source("injector");
        first.source("injector");
        second.source("injector");
        whole.window(1_700_000_000_000L, 1_700_000_100_000L);
        first.window(1_700_000_000_000L, 1_700_000_050_000L);
        second.window(1_700_000_010_000L, 1_700_000_100_000L);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        SummaryJson.write(first, a);
        SummaryJson.write(second, b);

        LoadSummary merged = SummaryJson.read(a);
        merged.merge(SummaryJson.read(b));

        assertThat(SummaryJson.toJson(merged).toString()).isEqualTo(SummaryJson.toJson(whole).toString());
        assertThat(merged.histogram(LoadSummary.ITL).getTotalCount()).isEqualTo(4_000);
        assertThat(SummaryJson.toJson(first)).isNotEqualTo(SummaryJson.toJson(whole));
    }

    @Test
    void mergeCommandWritesTheSumAndRejectsAForeignFileInOneLine(@TempDir Path dir) throws IOException {
        LoadSummary one = new LoadSummary();
        one.add(LoadSummary.OK, 3);
        one.record(LoadSummary.TTFT, 250_000);
        one.window(1_000, 2_000);
        Path a = dir.resolve("a.json");
        SummaryJson.write(one, a);
        Path out = dir.resolve("merged.json");

        int exit = io.aoaigw.harness.cli.MergeTestAccess.run("merge", a.toString(), a.toString(), "--out", out.toString());

        assertThat(exit).isZero();
        LoadSummary merged = SummaryJson.read(out);
        assertThat(merged.count(LoadSummary.OK)).isEqualTo(6);
        assertThat(merged.histogram(LoadSummary.TTFT).getTotalCount()).isEqualTo(2);

        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"hello\": 1}");
        assertThat(io.aoaigw.harness.cli.MergeTestAccess.run("merge", foreign.toString(), "--out", out.toString()))
                .isEqualTo(2);
    }

    private static StreamFrame content(long at) {
        return new StreamFrame(at, "{\"choices\":[{\"delta\":{\"content\":\"w\"}}]}");
    }
}
