package io.aoaigw.harness.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detection matrix: writes the healthy topology and every entry's broken one to {@code workDir/<name>.yaml},
 * runs the contract suites against each ({@link ContractRun}), and builds the {@link DetectionMatrix}. Runs without
 * load go concurrently on a small pool (each starts its own in-process topology on ephemeral ports); runs under load
 * go one at a time afterwards, so that no other run skews their timings. A run that throws becomes a row whose run
 * failed, never a missing row.
 */
public final class DetectionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionRunner.class);
    /** Two: the CI machine has two cores and each run starts a whole topology. */
    public static final int DEFAULT_PARALLELISM = 2;

    private final Catalogue catalogue;
    private final Path workDir;
    private final ContractRun contracts;
    private final int parallelism;
    private final Clock clock;

    public DetectionRunner(Catalogue catalogue, Path workDir, ContractRun contracts, int parallelism, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.catalogue = catalogue;
        this.workDir = workDir;
        this.contracts = contracts;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** One topology to run: its row name, file and whether it needs the load. */
    record Job(String name, Path file, boolean underLoad) {
    }

    public DetectionMatrix run() throws IOException, InterruptedException {
        List<Job> jobs = writeTopologies();
        Map<String, Observation> observed = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            runAll(pool, jobs.stream().filter(j -> !j.underLoad()).toList(), observed);
        } finally {
            pool.shutdown();
        }
        ExecutorService alone = Executors.newSingleThreadExecutor();
        try {
            runAll(alone, jobs.stream().filter(Job::underLoad).toList(), observed);
        } finally {
            alone.shutdown();
        }
        return DetectionMatrix.of(catalogue, observed, clock.instant());
    }

    /** Writes {@code healthy.yaml} and {@code <entry>.yaml} for every entry; returns the jobs, healthy first. */
    List<Job> writeTopologies() throws IOException {
        Files.createDirectories(workDir);
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(DetectionMatrix.HEALTHY,
                Files.writeString(workDir.resolve(DetectionMatrix.HEALTHY + ".yaml"), catalogue.healthyYaml()), false));
        for (Catalogue.Entry e : catalogue.entries()) {
            jobs.add(new Job(e.name(), Files.writeString(workDir.resolve(e.name() + ".yaml"), e.topologyYaml()),
                    e.entry().underLoad()));
        }
        return jobs;
    }

    private void runAll(ExecutorService pool, List<Job> jobs, Map<String, Observation> observed)
            throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        for (Job job : jobs) {
            running.add(pool.submit(() -> observed.put(job.name(), runOne(job))));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a detection run escaped its own error handling", e.getCause());
            }
        }
    }

    private Observation runOne(Job job) {
        long started = System.nanoTime();
        try {
            Observation o = contracts.run(job.file(), job.underLoad());
            LOG.info("detection run {}: {} ms", job.name(), (System.nanoTime() - started) / 1_000_000);
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Observation.failedRun("interrupted");
        } catch (Exception | AssertionError e) {
            LOG.warn("detection run {} failed: {}", job.name(), e.toString());
            return Observation.failedRun(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
