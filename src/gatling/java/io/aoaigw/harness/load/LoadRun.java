package io.aoaigw.harness.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.aoaigw.harness.topology.Topology;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of a simulation: its profile ({@code -Dprofile=FILE}, else the simulation's default) and target, and the
 * parts the simulations use — the request budget ({@link RequestBudget}), the chats' bodies ({@link ChatBodies}), the
 * injection ({@link LoadInjection}) and what is recorded for after the run ({@link RunRecord}, written by
 * {@link SummaryOutput}). A profile that cannot be used ends the run with one line naming file, line and field,
 * before any load.
 */
final class LoadRun implements AutoCloseable {
    private final LoadProfileLoader.Loaded loaded;
    private final LoadTarget target;
    private final RequestBudget budget;
    private final ChatBodies bodies;
    private final LoadInjection injection;
    private final RunRecord record;

    private LoadRun(LoadProfileLoader.Loaded loaded) {
        long startMs = System.currentTimeMillis();
        this.loaded = loaded;
        this.target = LoadTarget.of(Path.of(loaded.profile().topology()), loaded.topology());
        this.budget = new RequestBudget(loaded.profile(), target);
        this.record = new RunRecord(startMs, target);
        this.bodies = new ChatBodies(loaded);
        this.injection = new LoadInjection(loaded.profile(), target);
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
        run.summary().source(simulation + ":" + loaded.profile().name());
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

    RunRecord record() {
        return record;
    }

    LoadSummary summary() {
        return record.summary();
    }

    /** Timed streams kept for comparison with ground truth after the run. */
    AccuracyReport accuracy() {
        return record.accuracy();
    }

    void refusedBeforeFirstFrame(String clientRequestId) {
        record.refusedBeforeFirstFrame(clientRequestId);
    }

    Map<String, Long> refusedBeforeFirstFrame() {
        return record.refusedBeforeFirstFrame();
    }

    LayerTruth.Before layersBefore() {
        return record.layersBefore();
    }

    long startMs() {
        return record.startMs();
    }

    PromptReplay.Next nextBody() {
        return bodies.next();
    }

    String nextClientRequestId() {
        return bodies.nextClientRequestId();
    }

    long requestsSent() {
        return budget.requestsSent();
    }

    boolean takeRequest() {
        return budget.takeRequest();
    }

    ChainBuilder holdWhenSpent() {
        return budget.holdWhenSpent(profile(), summary());
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(target.baseUrl())
                .contentTypeHeader("application/json")
                .header(target.keyHeader(), target.key())
                // every frame of a stream is kept for timing: the answer's tokens plus its few framing events
                .sseUnmatchedInboundMessageBufferSize(profile().shape().outputTokens() + 16);
    }

    Duration maxDuration() {
        return injection.maxDuration();
    }

    List<PopulationBuilder> populations(ScenarioBuilder sse, ScenarioBuilder headers) {
        return injection.populations(sse, headers);
    }

    PopulationBuilder population(ScenarioBuilder scenario) {
        return injection.population(scenario);
    }

    /** Results of the checks made after the run, written beside the figures. */
    void checks(Map<String, String> results) {
        record.checks(results);
    }

    /** Writes the summary and stops the target. */
    @Override
    public void close() {
        try {
            SummaryOutput.write(this, bodies.replays());
        } finally {
            target.close();
        }
    }
}
