package io.aoaigw.harness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a run left behind, found on disk: the summaries in the reports folder, the Allure report (or its raw results),
 * the Gatling run reports (newest first) and the capacity history. Anything absent is simply not linked.
 *
 * @param contractSummary {@code reports/contract-summary.json}
 * @param detectionMatrix {@code reports/detection-matrix.json} (or {@code .html})
 * @param loadSummaries   load summaries in the reports folder ({@code load-summary.json} first, then merged or
 *                        per-injector ones)
 * @param allureReport    the generated Allure report's {@code index.html}
 * @param allureResults   Allure's raw results folder, linked when no report was generated
 * @param gatlingReports  each Gatling run's {@code index.html}, newest first
 * @param historyFiles    earlier capacity summaries ({@code reports/history/*.json}), by name
 */
public record ReportSources(Optional<Path> contractSummary, Optional<Path> detectionMatrix, List<Path> loadSummaries,
                            Optional<Path> allureReport, Optional<Path> allureResults, List<Path> gatlingReports,
                            List<Path> historyFiles) {
    static final String CONTRACT = "contract-summary.json";
    private static final int MAX_GATLING_RUNS = 20;

    /** Looks in {@code reports} (summaries, history) and {@code build} (Maven's target folder). */
    public static ReportSources scan(Path reports, Path build) {
        Path project = build.toAbsolutePath().getParent();
        return new ReportSources(
                file(reports.resolve(CONTRACT)),
                file(reports.resolve("detection-matrix.json")).or(() -> file(reports.resolve("detection-matrix.html"))),
                loadSummaries(reports),
                first(build.resolve("site/allure-maven-plugin/index.html"),
                        build.resolve("site/allure-report/index.html"),
                        build.resolve("allure-report/index.html"), project.resolve("allure-report/index.html")),
                firstDir(build.resolve("allure-results"), project.resolve("allure-results")),
                gatling(build.resolve("gatling")),
                json(reports.resolve("history")).sorted().toList());
    }

    private static List<Path> loadSummaries(Path reports) {
        return json(reports)
                .filter(p -> !p.getFileName().toString().equals(CONTRACT))
                .filter(p -> !p.getFileName().toString().startsWith("detection-matrix"))
                .filter(LoadFigures::isLoadSummary)
                .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals("load-summary.json"))
                        .thenComparing(Path::toString))
                .toList();
    }

    private static List<Path> gatling(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.map(r -> r.resolve("index.html")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(ReportSources::modified).reversed())
                    .limit(MAX_GATLING_RUNS).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> json(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Optional<Path> file(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static Optional<Path> first(Path... candidates) {
        return Stream.of(candidates).filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> firstDir(Path... candidates) {
        return Stream.of(candidates).filter(Files::isDirectory).findFirst();
    }
}
