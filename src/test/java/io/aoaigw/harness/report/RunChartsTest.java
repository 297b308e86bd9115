package io.aoaigw.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.load.LoadProfileLoader;
import io.aoaigw.harness.load.OriginShares;
import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's pictures of a load run and of the contract steps, read back from the SVG they are drawn as. */
class RunChartsTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @Test
    void theDistributionsHoldEveryRecordedValueOnce(@TempDir Path dir) throws IOException {
        String html = write(new ReportFixture(dir).smokeRun(true));

        assertThat(sum(attr(svg(html, "ttft-0"), "rect class=\"bar\"", "data-count"))).isEqualTo(100);
        assertThat(sum(attr(svg(html, "itl-0"), "rect class=\"bar\"", "data-count"))).isEqualTo(20);
        // 100 … 199 ms: the median is the 50th value, 149 ms (HdrHistogram keeps 3 significant digits)
        assertThat(svg(html, "ttft-0")).containsPattern("Time to first token \\(ms\\): 100 values, p50 149(\\.\\d)?, "
                + "p95 19\\d");
        assertThat(count(svg(html, "itl-0"), "p95</text>")).isEqualTo(1);
    }

    @Test
    void originSharesAreDrawnAgainstTheSharesOfTheProfilesTopology(@TempDir Path dir) throws IOException {
        String html = write(new ReportFixture(dir).smokeRun(true));
        Map<String, Double> expected = OriginShares.expected(LoadProfileLoader.load(
                PROJECT.resolve("scenarios/load/smoke.yaml"), PROJECT).topology());

        String chart = svg(html, "origins-0");
        assertThat(attr(chart, "rect class=\"share\"", "data-share")).containsExactly("60.0", "0.0", "40.0");
        assertThat(attr(chart, "rect class=\"share\"", "data-origin"))
                .containsExactlyElementsOf(new java.util.TreeSet<>(List.of("eastus", "westeurope",
                        expected.keySet().stream().filter(r -> !r.equals("eastus") && !r.equals("westeurope"))
                                .findFirst().orElseThrow())));
        assertThat(attr(chart, "line class=\"expected\"", "data-expected")).hasSize(expected.size())
                .allSatisfy(v -> assertThat(v).isEqualTo(Svg.fmt(expected.get("eastus") * 100)));
    }

    @Test
    void aRunWithoutAnAdminApiHasNoExpectedShares(@TempDir Path dir) throws IOException {
        String chart = svg(write(new ReportFixture(dir).smokeRun(false)), "origins-0");

        assertThat(chart).doesNotContain("class=\"expected\"").contains("no expected shares");
        assertThat(attr(chart, "rect class=\"share\"", "data-share")).containsExactly("60.0", "40.0");
    }

    @Test
    void theTimelineStacksEveryAnswerPerSecondWith429sByTheLayerThatSentThem(@TempDir Path dir) throws IOException {
        String chart = svg(write(new ReportFixture(dir).smokeRun(true)), "timeline-0");

        assertThat(attr(chart, "rect class=\"tl-ok\"", "data-count")).containsExactly("4", "6");
        assertThat(attr(chart, "rect class=\"tl-429-apim\"", "data-count")).containsExactly("1");
        assertThat(attr(chart, "rect class=\"tl-429\"", "data-count")).containsExactly("1");
        assertThat(attr(chart, "rect class=\"tl-429\"", "data-second")).containsExactly("1");
        assertThat(attr(chart, "rect class=\"tl-failed\"", "data-second")).containsExactly("2");
        assertThat(chart).contains("429 APIM", "429 Front Door", "429 account");
    }

    @Test
    void theContractStripIsGreenAndRedWithTheFailingChecksFixRedacted(@TempDir Path dir) throws IOException {
        String html = write(new ReportFixture(dir).contract("S7: anonymous call answered 200 (api-key: "
                + ReportFixture.KEY + " sent): require a subscription on every product"));

        assertThat(attr(html, "rect class=\"step passed\"", "data-step")).containsExactly("S1");
        assertThat(attr(html, "rect class=\"step failed\"", "data-step")).containsExactly("S7");
        assertThat(html).contains("<li class=\"fix\"><b>S7 anonymous refused</b> (failed): require a subscription "
                + "on every product</li>").doesNotContain(ReportFixture.KEY);
    }

    @Test
    void theFixIsTheTextAfterTheLastColonOnTheFirstLine() {
        assertThat(ContractStrip.fix("S4: principal p has no role on a (scope /x): assign the role\nmore"))
                .isEqualTo("assign the role");
        assertThat(ContractStrip.fix("no colon here")).isEqualTo("no colon here");
        assertThat(ContractStrip.fix("x".repeat(300) + ": " + "y".repeat(300))).hasSize(200).endsWith("…");
    }

    private static String write(ReportFixture f) throws IOException {
        Path index = new ReportIndex(ReportSources.scan(f.reports, f.build), Redactor.forEnvironment(Map.of()))
                .writeHtml(f.reports.resolve("index.html"));
        return Files.readString(index);
    }

    static String svg(String html, String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertThat(start).as("svg " + id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start));
    }

    /** The values of {@code attribute} on every element starting with {@code element}, in document order. */
    static List<String> attr(String html, String element, String attribute) {
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + "[^>]*?" + attribute + "=\"([^\"]*)\"")
                .matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static long sum(List<String> values) {
        return values.stream().mapToLong(Long::parseLong).sum();
    }

    private static int count(String s, String needle) {
        return s.split(Pattern.quote(needle), -1).length - 1;
    }
}
