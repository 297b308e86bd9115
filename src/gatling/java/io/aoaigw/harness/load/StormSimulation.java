package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Map;

/**
 * 429 storm: before the load, every account of the embedded topology is set to answer its next
 * {@code storm.throttleCount} requests with 429 advising {@code storm.retryAfterMs}; chats on the header path must
 * wait at least the advice before each retry. The summary counts 429s, retries, waited vs advised, failures after
 * retries and recovery; {@code retriesBeforeAdvisedTime} must stay 0.
 */
public class StormSimulation extends Simulation {
    // parameters
    private static final int THROTTLE_COUNT = Integer.getInteger("storm.throttleCount", 5);
    private static final int RETRY_AFTER_MS = Integer.getInteger("storm.retryAfterMs", 400);
    private final LoadRun run = LoadRun.start("storm", "scenarios/load/storm.yaml")
            .embeddedOnly("the storm simulation makes the accounts throttle through the admin API");

    // protocol
    private final HttpProtocolBuilder protocol = run.protocol();

    // chains
    private final ChainBuilder chat = HeaderChat.chat(run);

    // scenarios
    private final ScenarioBuilder chats = scenario("Chat with headers").exec(chat);

    // injection and assertions: 429s are the point here, so failed requests are not asserted
    {
        setUp(run.population(chats))
                .protocols(protocol)
                .maxDuration(run.maxDuration())
                .assertions(global().successfulRequests().count().gt(0L));
    }

    @Override
    public void before() {
        run.topology().accounts().forEach(a -> run.target().admin().put("/admin/accounts/" + a.name() + "/faults",
                Map.of("throttleCount", THROTTLE_COUNT, "throttleRetryAfterMs", RETRY_AFTER_MS)));
    }

    @Override
    public void after() {
        run.close();
    }
}
