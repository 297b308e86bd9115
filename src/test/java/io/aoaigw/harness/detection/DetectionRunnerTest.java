package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner writes each topology, runs them bounded and load runs alone, and turns every outcome into a row. */
class DetectionRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static Catalogue catalogue;

    @TempDir
    Path work;

    @BeforeAll
    static void load() throws Exception {
        catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);
    }

    /** A stand-in for the contract suites: fails exactly the entry's expected steps. */
    private static Observation asExpected(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        List<String> failing = name.equals(DetectionMatrix.HEALTHY) ? List.of()
                : catalogue.entry(name).entry().expectFail();
        Map<String, StepObservation> steps = new HashMap<>();
        Steps.ALL.forEach(s -> steps.put(s, new StepObservation(failing.contains(s) ? StepObservation.FAILED
                : StepObservation.PASSED, failing.contains(s) ? List.of("check: " + name) : List.of())));
        return Observation.of(steps);
    }

    @Test
    void everyWrittenTopologyLoadsAndCarriesItsEntrysMistake() throws Exception {
        Map<String, Topology> loaded = new ConcurrentHashMap<>();
        ContractRun run = (file, underLoad) -> {
            loaded.put(file.getFileName().toString(), TopologyLoader.load(file));
            return asExpected(file);
        };

        DetectionMatrix matrix = new DetectionRunner(catalogue, work, run, 2, CLOCK).run();

        assertThat(loaded).hasSize(catalogue.entries().size() + 1);
        assertThat(loaded.get("healthy.yaml").apim().identity()).isEqualTo("apim-contoso");
        assertThat(loaded.get("apim-identity-off.yaml").apim().identity()).isNull();
        assertThat(loaded.get("api-suffix-not-openai.yaml").apim().api().path()).isEqualTo("aoai");
        assertThat(matrix.barMet()).isTrue();
        assertThat(matrix.generatedAt()).isEqualTo(CLOCK.instant());
        assertThat(matrix.rows()).hasSize(catalogue.entries().size() + 1);
    }

    @Test
    void atMostTheParallelismRunAtOnceAndLoadRunsRunAlone() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean loadRunShared = new AtomicBoolean();
        CountDownLatch twoStarted = new CountDownLatch(2);
        ContractRun run = (file, underLoad) -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                if (underLoad) {
                    loadRunShared.compareAndSet(false, now != 1);
                } else {
                    twoStarted.countDown(); // the first run waits for a second one: proves the pool runs two
                    twoStarted.await(30, TimeUnit.SECONDS);
                }
                return asExpected(file);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        new DetectionRunner(catalogue, work, run, 2, CLOCK).run();

        assertThat(most.get()).isEqualTo(2);
        assertThat(loadRunShared.get()).isFalse();
        assertThat(catalogue.entries()).anyMatch(e -> e.entry().underLoad());
    }

    @Test
    void aRunThatThrowsBecomesARowWhoseRunFailed() throws Exception {
        ContractRun run = (file, underLoad) -> {
            if (file.getFileName().toString().equals("open-product.yaml")) {
                throw new IllegalStateException("gateway did not start");
            }
            return asExpected(file);
        };

        DetectionMatrix matrix = new DetectionRunner(catalogue, work, run, 2, CLOCK).run();

        DetectionRow row = matrix.rows().stream().filter(r -> r.entry().equals("open-product")).findFirst()
                .orElseThrow();
        assertThat(row.caught()).isFalse();
        assertThat(row.observed().error()).isEqualTo("IllegalStateException: gateway did not start");
        assertThat(matrix.barMet()).isFalse();
    }

    @Test
    void contractStepsBecomeObservationsWithTheFailedChecksAsMessages() {
        Observation o = StepReports.observation(List.of(
                new StepReports.Step("S4", "failed", List.of(
                        new StepReports.Check("identity", "passed", "enabled"),
                        new StepReports.Check("role on every account", "failed", "no role on aoai-westus"))),
                new StepReports.Step("S6", "passed", List.of()),
                new StepReports.Step("S6", "failed", List.of(new StepReports.Check("smoke TTFT", "failed",
                        "TTFT p95 equals e2e")))));

        assertThat(o.step("S4").messages()).containsExactly("role on every account: no role on aoai-westus");
        assertThat(o.step("S6").failed()).isTrue();
        assertThat(o.step("S6").messages()).containsExactly("smoke TTFT: TTFT p95 equals e2e");
        assertThat(o.step("S1").status()).isEqualTo(StepObservation.NOT_RUN);
    }
}
