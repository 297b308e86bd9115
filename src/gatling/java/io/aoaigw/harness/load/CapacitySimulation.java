package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Capacity: after a warm-up (Front Door's probes settle, {@link ProbeSettling}), arrivals ramp
 * ({@code scenarios/load/capacity.yaml}) past the limit the topology predicts ({@link CapacityPlan}) and hold there;
 * the summary's {@code figures.capacity} gives when measurement started, the knee (first sustained 429s) and what the
 * deployments carried from it over 10 s and 60 s, beside the binding limit. 429s are expected here, so only
 * "something was answered" is asserted.
 */
public class CapacitySimulation extends Simulation {
    // parameters
    private final LoadRun run = LoadRun.start("capacity", "scenarios/load/capacity.yaml");

    // protocol
    private final HttpProtocolBuilder protocol = run.protocol();

    // chains
    private final ChainBuilder streamed = ChatChains.sseChat(run);
    private final ChainBuilder withHeaders = HeaderChat.chat(run);

    // scenarios
    private final ScenarioBuilder streams = scenario("Streaming chat (SSE)").exec(streamed);
    private final ScenarioBuilder headers = scenario("Chat with headers").exec(withHeaders);

    // injection and assertions
    {
        setUp(run.populations(streams, headers))
                .protocols(protocol)
                .maxDuration(run.maxDuration())
                .assertions(global().successfulRequests().count().gt(0L));
    }

    @Override
    public void before() {
        CapacityPlan.settleAndRecord(run);
    }

    @Override
    public void after() {
        run.close();
        // after close, which sets the run's window: seconds in the figures count from its start, as in the file
        System.out.println("capacity: " + SummaryJson.toJson(run.summary()).path("figures").path("capacity"));
    }
}
