package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.aoaigw.harness.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a simulation: its profile ({@code -Dprofile=FILE}, else the simulation's default), the embedded target,
 * the request budget, the summary being recorded, and the injection the profile describes. A profile that cannot be
 * used ends the run with one line naming file, line and field, before any load.
 */
final class LoadRun implements AutoCloseable {
    private final LoadProfileLoader.Loaded loaded;
    private final LoadTarget target;
    private final LoadSummary summary = new LoadSummary();
    private final AccuracyReport accuracy = new AccuracyReport(Integer.getInteger("accuracy.maxStreams", 5000));
    private final String runTag = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private final AtomicLong chatSeq = new AtomicLong();
    private final AtomicLong budget;
    private final AtomicLong firstRequestMs = new AtomicLong();
    private final PromptReplay replay;
    /** Chats whose SSE connection was refused before any frame: client request id → when (epoch ms). */
    private final java.util.Map<String, Long> refused = new java.util.concurrent.ConcurrentHashMap<>();
    /** What each layer had answered on its own before the run (embedded targets), to count the run's alone. */
    private final LayerTruth.Before layersBefore;
    private final long startMs = System.currentTimeMillis();
    private java.util.Map<String, String> checks = java.util.Map.of();

    private LoadRun(LoadProfileLoader.Loaded loaded) {
        this.loaded = loaded;
        this.target = LoadTarget.of(Path.of(loaded.profile().topology()), loaded.topology());
        this.budget = new AtomicLong(maxRequests());
        this.layersBefore = LayerTruth.before(target);
        LoadProfile p = loaded.profile();
        this.replay = loaded.prompts().isEmpty() ? null
                : new PromptReplay(loaded.prompts(), p.prompts(), p.shape().outputTokens());
    }

    static LoadRun start(String simulation, String defaultProfile) {
        Path file = Path.of(System.getProperty("profile", defaultProfile));
        LoadProfileLoader.Loaded loaded;
        try {
            loaded = LoadProfileLoader.load(file, Path.of(""));
        } catch (LoadProfileException e) {
            return BadInput.exit(e.getMessage());
        }
        LoadRun run = new LoadRun(loaded);
        run.summary.source(simulation + ":" + loaded.profile().name());
        if (!loaded.prompts().isEmpty()) {
            System.out.println("prompts: " + loaded.prompts().size() + " requests from " + loaded.profile().prompts()
                    .file() + " (" + loaded.profile().prompts().order() + ")");
        }
        return run;
    }

    /** Ends the run before any load when the target is a real deployment: {@code why} needs the admin API. */
    LoadRun embeddedOnly(String why) {
        if (target.real().isPresent()) {
            target.close();
            return BadInput.exit("-Dharness.target: " + why + " — it runs against the embedded topology only");
        }
        return this;
    }

    LoadProfile profile() {
        return loaded.profile();
    }

    Topology topology() {
        return loaded.topology();
    }

    LoadTarget target() {
        return target;
    }

    LoadSummary summary() {
        return summary;
    }

    /** Timed streams kept for comparison with ground truth after the run. */
    AccuracyReport accuracy() {
        return accuracy;
    }

    /** Notes a chat refused before its first frame; as many as the accuracy report keeps streams. */
    void refusedBeforeFirstFrame(String clientRequestId) {
        if (refused.size() < Integer.getInteger("accuracy.maxStreams", 5000)) {
            refused.put(clientRequestId, System.currentTimeMillis());
        }
    }

    java.util.Map<String, Long> refusedBeforeFirstFrame() {
        return refused;
    }

    LayerTruth.Before layersBefore() {
        return layersBefore;
    }

    long startMs() {
        return startMs;
    }

    /** The next chat's body: a replayed prompt when the profile names a prompts file, else a synthetic prompt. */
    PromptReplay.Next nextBody() {
        if (replay != null) {
            return replay.next();
        }
        LoadProfile.Shape shape = profile().shape();
        String body = ChatRequests.body(ChatRequests.prompt(java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1L << 40), shape.inputTokens()), shape.outputTokens(), profile().streaming());
        return new PromptReplay.Next(body, "synthetic", shape.inputTokens());
    }

    /** A new {@code x-ms-client-request-id}, unique to this run and chat, by which ground truth finds the chat. */
    String nextClientRequestId() {
        return "harness-" + runTag + "-" + chatSeq.incrementAndGet();
    }

    /** The profile's request bound, and a real target's own limit when lower (real deployments cost quota). */
    private long maxRequests() {
        long profile = profile().bounds().maxRequests();
        return target.real().map(t -> Math.min(profile, t.limits().maxRequests())).orElse(profile);
    }

    /** Requests sent so far (retries included). */
    long requestsSent() {
        return maxRequests() - Math.max(0, budget.get());
    }

    /** Takes one request from the budget; false once {@code bounds.maxRequests} were sent. */
    boolean takeRequest() {
        firstRequestMs.compareAndSet(0, System.currentTimeMillis());
        return budget.getAndDecrement() > 0;
    }

    /**
     * The last step of a chat: a user that finds the budget spent is counted, and under a closed model waits until
     * the injection ends (plus a second) — else Gatling would replace it at once, spinning through users.
     */
    ChainBuilder holdWhenSpent() {
        boolean closed = profile().workload().model() == LoadProfile.Workload.Model.closed;
        long injectionMs = 1000L * (profile().workload().rampSec() + profile().workload().durationSec()) + 1000;
        return doIf(session -> budget.get() <= 0).then(exec(session -> {
            summary.add(LoadSummary.USERS_AFTER_BUDGET, 1);
            return session;
        }).doIf(session -> closed).then(pause(session -> Duration.ofMillis(Math.max(0,
                firstRequestMs.get() + injectionMs - System.currentTimeMillis())))));
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(target.baseUrl())
                .contentTypeHeader("application/json")
                .header(target.keyHeader(), target.key())
                // every frame of a stream is kept for timing: the answer's tokens plus its few framing events
                .sseUnmatchedInboundMessageBufferSize(profile().shape().outputTokens() + 16);
    }

    Duration maxDuration() {
        long profile = profile().bounds().maxDurationSec();
        return Duration.ofSeconds(target.real().map(t -> Math.min(profile, t.limits().maxDurationSeconds()))
                .orElse(profile));
    }

    /** Each scenario gets its share of the profile's arrivals or concurrency (header path: {@code headerShare}). */
    List<PopulationBuilder> populations(ScenarioBuilder sse, ScenarioBuilder headers) {
        double h = profile().headerShare();
        LoadProfile.Workload w = profile().workload();
        // a closed model's users are split whole, so the two scenarios together hold exactly its concurrency
        double sseShare = w.model() == LoadProfile.Workload.Model.closed
                ? Math.round(w.concurrency() * (1 - h)) / (double) w.concurrency() : 1 - h;
        List<PopulationBuilder> out = new ArrayList<>();
        if (sseShare > 0) {
            out.add(inject(sse, sseShare));
        }
        if (sseShare < 1) {
            out.add(inject(headers, 1 - sseShare));
        }
        return out;
    }

    /** The whole of the profile's arrivals or concurrency for one scenario. */
    PopulationBuilder population(ScenarioBuilder scenario) {
        return inject(scenario, 1.0);
    }

    private PopulationBuilder inject(ScenarioBuilder scenario, double share) {
        LoadProfile.Workload w = profile().workload();
        if (w.model() == LoadProfile.Workload.Model.open) {
            List<OpenInjectionStep> steps = new ArrayList<>();
            double rate = w.usersPerSec() * share;
            if (w.startUsersPerSec() != null) {
                steps.add(rampUsersPerSec(w.startUsersPerSec() * share).to(rate).during(w.durationSec()));
            } else {
                if (w.rampSec() > 0) {
                    steps.add(rampUsersPerSec(0).to(rate).during(w.rampSec()));
                }
                steps.add(constantUsersPerSec(rate).during(w.durationSec()));
            }
            return scenario.injectOpen(steps);
        }
        int users = (int) Math.round(w.concurrency() * share);
        List<ClosedInjectionStep> steps = new ArrayList<>();
        if (w.rampSec() > 0) {
            steps.add(rampConcurrentUsers(0).to(users).during(w.rampSec()));
        }
        steps.add(constantConcurrentUsers(users).during(w.durationSec()));
        return scenario.injectClosed(steps);
    }

    /** Results of the checks made after the run, written beside the figures. */
    void checks(java.util.Map<String, String> results) {
        checks = results;
    }

    /** Writes the summary ({@code -Dsummary.out}, default {@code reports/load-summary.json}) and stops the target. */
    @Override
    public void close() {
        summary.window(startMs, System.currentTimeMillis());
        GroundTruthComparison.run(this);
        com.fasterxml.jackson.databind.JsonNode figures = SummaryJson.toJson(summary).path("figures");
        System.out.println("chats: " + figures.path("chats") + " (the error SLO is judged per chat)");
        if (figures.path("requestClasses").size() > 1 || replay != null) {
            System.out.println("request classes: " + figures.path("requestClasses"));
        }
        Path out = Path.of(System.getProperty("summary.out", "reports/load-summary.json"));
        try {
            SummaryJson.write(summary, checks, out);
            System.out.println("load summary: " + out.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write the load summary " + out + ": " + e.getMessage());
        } finally {
            target.close();
        }
    }
}
