package io.aoaigw.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index links what a run left, draws the capacity trend from the history, and shows no secret. */
class ReportIndexTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern POINT = Pattern.compile("<circle class=\"point\"[^>]*data-value=\"([^\"]+)\"");

    @Test
    void linksEveryReportThatExistsAndEachLinkResolves(@TempDir Path dir) throws IOException {
        ReportFixture f = new ReportFixture(dir).contract("").detectionMatrix().allureReport()
                .gatlingRun("smokesimulation-1").gatlingRun("capacitysimulation-2");
        f.capacityRun(f.reports.resolve("load-summary.json"), 1_790_000_000_000L, 10, 50, 200_000);

        String html = write(f);

        List<String> hrefs = hrefs(html);
        assertThat(hrefs).contains("../target/site/allure-maven-plugin/index.html", "contract-summary.json",
                "detection-matrix.json", "load-summary.json", "../target/gatling/smokesimulation-1/index.html",
                "../target/gatling/capacitysimulation-2/index.html");
        hrefs.forEach(h -> assertThat(f.reports.resolve(h).normalize()).as(h).exists());
        assertThat(html).contains("S7", "anonymous refused", "1 / 2", "<td>capacity:capacity</td>")
                .doesNotContain("<script");
    }

    @Test
    void theTrendHasOnePointPerHistoryRunWithItsKneeFigures(@TempDir Path dir) throws IOException {
        ReportFixture f = new ReportFixture(dir).history(3);
        Files.writeString(f.reports.resolve("history/broken.json"), "{\"format\": 99}");

        String html = write(f);

        assertThat(points(html, "trend-tokens")).as("3000 × chats/s (5 s of 10+i chats of 50 tokens, per minute)")
                .containsExactly("30000", "33000", "36000");
        List<String> ttft = points(html, "trend-ttft");
        assertThat(ttft).hasSize(3);
        for (int i = 0; i < 3; i++) {
            LoadFigures run = LoadFigures.read(f.reports.resolve("history/run-" + i + ".json"));
            assertThat(Double.parseDouble(ttft.get(i))).isCloseTo(run.ttftP95Ms(),
                    org.assertj.core.data.Offset.offset(0.051));
            assertThat(run.ttftP95Ms()).isCloseTo(200 + 10 * i, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(html).contains("skipped broken.json");
    }

    @Test
    void withNothingToShowThePageSaysSoAndLinksNothing(@TempDir Path dir) throws IOException {
        String html = write(new ReportFixture(dir));

        assertThat(hrefs(html)).isEmpty();
        assertThat(html).contains("id=\"no-history\"").doesNotContain("<svg");
    }

    @Test
    void secretsInSummariesOrTheEnvironmentAreRedacted(@TempDir Path dir) throws IOException {
        String envSecret = "s3cr3t-from-the-environment";
        ReportFixture f = new ReportFixture(dir).contract("sent api-key: " + ReportFixture.KEY + " and "
                + envSecret + " with Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl");
        Redactor redactor = Redactor.forEnvironment(Map.of("AOAI_HARNESS_KEY", envSecret, "HOME", "/root"));
        ReportIndex index = new ReportIndex(ReportSources.scan(f.reports, f.build), redactor);

        String html = Files.readString(index.writeHtml(f.reports.resolve("index.html")));
        String md = index.markdown();

        for (String out : List.of(html, md)) {
            assertThat(out).doesNotContain(ReportFixture.KEY, envSecret, "eyJhbGciOi").contains(Redactor.MASK);
        }
    }

    @Test
    void theMarkdownDigestListsStepsAndFailedChecks(@TempDir Path dir) throws IOException {
        ReportFixture f = new ReportFixture(dir).contract("401 expected, got 200 | oops").history(2);

        String md = new ReportIndex(ReportSources.scan(f.reports, f.build), Redactor.forEnvironment(Map.of()))
                .markdown();

        assertThat(md).contains("| S1 |", "✅", "❌", "**S7 anonymous refused**: 401 expected, got 200 \\| oops",
                "Capacity history: 2 runs");
    }

    private static String write(ReportFixture f) throws IOException {
        ReportIndex index = new ReportIndex(ReportSources.scan(f.reports, f.build), Redactor.forEnvironment(Map.of()));
        return Files.readString(index.writeHtml(f.reports.resolve("index.html")));
    }

    static List<String> hrefs(String html) {
        return HREF.matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static List<String> points(String html, String chartId) {
        int start = html.indexOf("<svg id=\"" + chartId + "\"");
        assertThat(start).as(chartId).isNotNegative();
        String svg = html.substring(start, html.indexOf("</svg>", start));
        Matcher m = POINT.matcher(svg);
        return m.results().map(r -> r.group(1)).toList();
    }
}
