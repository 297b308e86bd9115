package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Steady streamed chats as a profile describes them, judged by its SLOs: the story of {@link SmokeSimulation} (short,
 * few users) and {@link SoakSimulation} (constant load for a bounded duration), which differ only by profile.
 */
abstract class SteadySimulation extends Simulation {
    // parameters: the profile (-Dprofile=FILE, else the simulation's own) and the target it names
    private final LoadRun run;

    // protocol
    private final HttpProtocolBuilder protocol;

    // chains: frame-timed SSE chats, and chats whose headers are read (origin, 429 advice)
    private final ChainBuilder streamed;
    private final ChainBuilder withHeaders;

    // scenarios
    private final ScenarioBuilder streams;
    private final ScenarioBuilder headers;

    SteadySimulation(String name, String defaultProfile) {
        run = LoadRun.start(name, defaultProfile);
        protocol = run.protocol();
        streamed = ChatChains.sseChat(run);
        withHeaders = HeaderChat.chat(run);
        streams = scenario("Streaming chat (SSE)").exec(streamed);
        headers = scenario("Chat with headers").exec(withHeaders);
        // injection and assertions
        setUp(run.populations(streams, headers))
                .protocols(protocol)
                .maxDuration(run.maxDuration())
                .assertions(Slos.assertions(run.profile()));
    }

    @Override
    public void after() {
        run.checks(Slos.afterRun(run));
        run.close();
    }
}
