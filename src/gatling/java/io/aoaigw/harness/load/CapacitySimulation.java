package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Capacity: arrivals ramp ({@code scenarios/load/capacity.yaml}) until the deployment answers 429; the summary's
 * {@code figures.capacity} gives the second of the first 429 (the knee) and the requests/min and output tokens/min
 * sustained in the seconds before it. 429s are expected here, so only "something was answered" is asserted.
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
    public void after() {
        System.out.println("capacity: " + SummaryJson.toJson(run.summary()).path("figures").path("capacity"));
        run.close();
    }
}
