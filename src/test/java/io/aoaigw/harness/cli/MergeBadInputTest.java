package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.load.LoadSummary;
import io.aoaigw.harness.load.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge} of summaries that cannot add up: one line naming the file and the field, exit 2, nothing written. */
class MergeBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private Path good;

    @BeforeEach
    void aGoodSummary() throws IOException {
        LoadSummary s = new LoadSummary();
        s.add(LoadSummary.CHATS, 3);
        for (int i = 1; i <= 200; i++) {
            s.record(LoadSummary.TTFT, 1000L * i);
        }
        s.at(1_700_000_000_000L, LoadSummary.OK, 3);
        good = dir.resolve("good.json");
        SummaryJson.write(s, good);
    }

    private Path edited(String name, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(good.toFile());
        edit.accept(root);
        return Files.writeString(dir.resolve(name), root.toString());
    }

    private CliRun merge(Path bad) {
        return CliRun.of("merge", good.toString(), bad.toString(), "--out", dir.resolve("merged.json").toString());
    }

    @Test
    void aTruncatedHistogramIsOneLine() throws IOException {
        Path bad = edited("truncated.json", root -> {
            ObjectNode h = (ObjectNode) root.path("data").path("histograms");
            String full = h.path(LoadSummary.TTFT).asText();
            h.put(LoadSummary.TTFT, full.substring(0, full.length() / 2));
        });

        merge(bad).isOneLineBadInput(bad + ": data.histograms.ttft: not a complete encoded histogram");
        assertThat(dir.resolve("merged.json")).doesNotExist();
    }

    @Test
    void aNegativeCountIsOneLine() throws IOException {
        Path counter = edited("negative.json", root ->
                ((ObjectNode) root.path("data").path("counters")).put(LoadSummary.CHATS, -3));
        merge(counter).isOneLineBadInput(counter + ": data.counters.chats: must be a whole number >= 0, not -3");

        Path timeline = edited("negative-timeline.json", root ->
                ((ObjectNode) root.path("data").path("timeline").path("1700000000")).put(LoadSummary.OK, -1));
        merge(timeline).isOneLineBadInput(timeline
                + ": data.timeline.1700000000.ok: must be a whole number >= 0, not -1");
        assertThat(dir.resolve("merged.json")).doesNotExist();
    }

    @Test
    void goodSummariesStillMerge() {
        CliRun run = CliRun.of("merge", good.toString(), good.toString(), "--out", dir.resolve("m.json").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("m.json")).content().contains("\"chats\" : 6");
    }
}
