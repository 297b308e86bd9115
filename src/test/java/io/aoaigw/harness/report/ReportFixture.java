package io.aoaigw.harness.report;

import io.aoaigw.harness.load.LoadSummary;
import io.aoaigw.harness.load.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A project folder as runs leave it: {@code reports/} with contract and load summaries and a capacity history,
 * {@code target/} with an Allure report and Gatling runs. Capacity summaries are recorded through {@link LoadSummary}
 * with a known timeline so the expected knee figures follow from the inputs.
 */
final class ReportFixture {
    /** An APIM-style subscription key that must never appear in a report. */
    static final String KEY = "0123456789abcdef0123456789abcdef";
    static final long DAY_MS = 86_400_000L;
    final Path root;
    final Path reports;
    final Path build;

    ReportFixture(Path root) throws IOException {
        this.root = root;
        this.reports = Files.createDirectories(root.resolve("reports"));
        this.build = Files.createDirectories(root.resolve("target"));
    }

    ReportFixture contract(String detail) throws IOException {
        Files.writeString(reports.resolve("contract-summary.json"), """
                {"target":"contoso-prod","startedAt":"2026-11-26T00:00:00Z","durationMs":4200,"steps":[
                 {"id":"S1","title":"Accounts carry the deployments","status":"passed","checks":[
                   {"name":"deployments","status":"passed","detail":""}]},
                 {"id":"S7","title":"Products require a subscription","status":"failed","checks":[
                   {"name":"key accepted","status":"passed","detail":""},
                   {"name":"anonymous refused","status":"failed","detail":%s}]}]}
                """.formatted(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(detail)));
        return this;
    }

    ReportFixture detectionMatrix() throws IOException {
        Files.writeString(reports.resolve("detection-matrix.json"), "{\"rows\":[]}\n");
        return this;
    }

    ReportFixture gatlingRun(String name) throws IOException {
        Path dir = Files.createDirectories(build.resolve("gatling").resolve(name));
        Files.writeString(dir.resolve("index.html"), "<html><body>gatling " + name + "</body></html>");
        return this;
    }

    ReportFixture allureReport() throws IOException {
        Path dir = Files.createDirectories(build.resolve("site/allure-maven-plugin"));
        Files.writeString(dir.resolve("index.html"), "<html><body>allure</body></html>");
        return this;
    }

    /** A capacity run: 5 s at {@code okPerSec} chats of {@code tokensPerChat} tokens each, then a 429 (the knee). */
    ReportFixture capacityRun(Path file, long startMs, int okPerSec, int tokensPerChat, long ttftMicros)
            throws IOException {
        LoadSummary s = new LoadSummary();
        s.source("capacity:capacity");
        for (int sec = 0; sec < 5; sec++) {
            long at = startMs + sec * 1000L;
            s.at(at, LoadSummary.OK, okPerSec);
            s.at(at, LoadSummary.OUTPUT_TOKENS, (long) okPerSec * tokensPerChat);
            s.add(LoadSummary.OK, okPerSec);
            s.add(LoadSummary.CHATS, okPerSec);
            for (int i = 0; i < okPerSec; i++) {
                s.record(LoadSummary.TTFT, ttftMicros);
            }
        }
        s.at(startMs + 5000, LoadSummary.THROTTLED, 1);
        s.add(LoadSummary.THROTTLED, 1);
        s.window(startMs, startMs + 6000);
        SummaryJson.write(s, Map.of(), file);
        return this;
    }

    /**
     * A smoke run in {@code reports/load-summary.json}: TTFT 100…199 ms and ITL 20…39 ms (one of each per value), 6
     * answers from eastus and 4 from westeurope, a timeline of 3 s with 2 throttled (1 by APIM, 1 unattributed) and 1 failed answer. Emulated
     * runs carry the accuracy counter that only an emulated target (with an admin API) can give.
     */
    ReportFixture smokeRun(boolean emulated) throws IOException {
        LoadSummary s = new LoadSummary();
        s.source("smoke:smoke");
        for (int ms = 100; ms < 200; ms++) {
            s.record(LoadSummary.TTFT, ms * 1000L);
        }
        for (int ms = 20; ms < 40; ms++) {
            s.record(LoadSummary.ITL, ms * 1000L);
        }
        for (int i = 0; i < 10; i++) {
            s.origin(i < 6 ? "eastus" : "westeurope");
        }
        long t0 = 1_790_000_000_000L;
        s.at(t0, LoadSummary.OK, 4);
        s.at(t0 + 1000, LoadSummary.OK, 6);
        s.at(t0 + 1000, LoadSummary.THROTTLED, 2);
        s.at(t0 + 1000, LoadSummary.THROTTLED_BY + "apim", 1);
        s.at(t0 + 2000, LoadSummary.FAILED, 1);
        if (emulated) {
            s.add(io.aoaigw.harness.load.AccuracyReport.MEASURED, 10);
        }
        s.window(t0, t0 + 3000);
        SummaryJson.write(s, Map.of(), reports.resolve("load-summary.json"));
        return this;
    }

    ReportFixture history(int runs) throws IOException {
        Path dir = Files.createDirectories(reports.resolve("history"));
        for (int i = 0; i < runs; i++) {
            capacityRun(dir.resolve("run-" + i + ".json"), 1_790_000_000_000L + i * DAY_MS, 10 + i, 50,
                    200_000 + i * 10_000L);
        }
        return this;
    }
}
