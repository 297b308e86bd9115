package io.aoaigw.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports/index.html from file:// in headless Chromium (Debian's package; {@code .ci/run} installs it) and
 * checks the DOM the browser built: every link points at an existing file, both trend charts have one point per
 * history run, and a run's pictures (distributions, origin shares, timeline) and the contract strip are drawn.
 * Chromium runs with every background service off; the page itself loads nothing from anywhere.
 */
class ReportBrowserTest {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    @Test
    void chromiumRendersTheLinksAndTheTrendChart(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no headless Chromium (apt-get install chromium, or -Dharness.chromium=PATH):"
                + " the report's browser test is skipped");
        ReportFixture f = new ReportFixture(dir).contract("").detectionMatrix().allureReport()
                .gatlingRun("smokesimulation-1").history(4);
        Path index = new ReportIndex(ReportSources.scan(f.reports, f.build), Redactor.forEnvironment(Map.of()))
                .writeHtml(f.reports.resolve("index.html"));

        String dom = dumpDom(chromium.get(), index, Files.createDirectories(dir.resolve("profile")));

        assertThat(dom).contains("<h1>aoai-gateway-harness reports</h1>");
        List<String> hrefs = ReportIndexTest.hrefs(dom);
        assertThat(hrefs).hasSize(4);
        for (String href : hrefs) {
            assertThat(Path.of(index.toUri().resolve(URI.create(href)))).as(href).isRegularFile();
        }
        assertThat(count(dom, "<svg id=\"trend-tokens\"")).isEqualTo(1);
        assertThat(count(dom, "<circle class=\"point\"")).as("4 runs × 2 charts").isEqualTo(8);
    }

    @Test
    void chromiumRendersThePicturesOfARunAndTheContractStrip(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no headless Chromium: the report's browser test is skipped");
        ReportFixture f = new ReportFixture(dir).contract("S7: answered 200 (api-key: " + ReportFixture.KEY
                + " sent): require a subscription on every product").smokeRun(true);
        Path index = new ReportIndex(ReportSources.scan(f.reports, f.build), Redactor.forEnvironment(Map.of()))
                .writeHtml(f.reports.resolve("index.html"));

        String dom = dumpDom(chromium.get(), index, Files.createDirectories(dir.resolve("profile")));

        assertThat(count(dom, "<rect class=\"bar\"")).as("2 distributions × 30 buckets").isEqualTo(60);
        assertThat(count(dom, "<rect class=\"share\"")).isEqualTo(3);
        assertThat(count(dom, "<line class=\"expected\"")).isEqualTo(3);
        assertThat(count(dom, "<rect class=\"tl-")).as("ok × 2, 429 by APIM, 429 unattributed, failed").isEqualTo(5);
        assertThat(count(dom, "<rect class=\"step passed\"")).isEqualTo(1);
        assertThat(count(dom, "<rect class=\"step failed\"")).isEqualTo(1);
        assertThat(dom).contains("require a subscription on every product").doesNotContain(ReportFixture.KEY)
                .doesNotContain("<script");
    }

    private static String dumpDom(Path chromium, Path index, Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--dump-dom",
                index.toUri().toString())
                .redirectError(profile.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium exits").isTrue();
        assertThat(p.exitValue()).as("chromium exit code; log: " + Files.readString(profile.resolve("chromium.log")))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        return Stream.concat(Stream.ofNullable(System.getProperty("harness.chromium")), BROWSERS.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
