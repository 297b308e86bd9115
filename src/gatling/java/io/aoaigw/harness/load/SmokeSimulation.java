package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Smoke: a few streaming chats through the embedded topology, each timed to its first token and to {@code [DONE]}.
 * The default of {@code ./mvnw gatling:test}. Parameters are system properties with defaults.
 */
public class SmokeSimulation extends Simulation {

    // parameters
    private static final double USERS_PER_SEC = Double.parseDouble(System.getProperty("smoke.usersPerSec", "2"));
    private static final int DURATION_SEC = Integer.getInteger("smoke.durationSec", 15);
    private static final String DEPLOYMENT = System.getProperty("smoke.deployment", "gpt-4o");
    private static final String API_VERSION = System.getProperty("smoke.apiVersion", "2024-10-21");
    private static final int MAX_TOKENS = Integer.getInteger("smoke.maxTokens", 100);

    private final LoadTarget target = LoadTarget.embedded();

    // protocol
    private final HttpProtocolBuilder protocol = http
            .baseUrl(target.baseUrl())
            .contentTypeHeader("application/json")
            .header(target.keyHeader(), target.key())
            .sseUnmatchedInboundMessageBufferSize(0);

    // chains: one streamed chat, timed to the first content token, then to [DONE]
    private final ChainBuilder streamChat = exec(sse("Chat stream").sseName("chat")
            .post("/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=" + API_VERSION)
            .body(StringBody(ChatRequests.streaming("Smoke test #{randomInt(0,1000000)}: describe a gateway.",
                    MAX_TOKENS)))
            .await(Duration.ofSeconds(30)).on(
                    sse.checkMessage("Time to first token")
                            .matching(regex("\"content\":\"[^\"]"))
                            .check(jsonPath("$.data").exists())));

    private final ChainBuilder readToDone = exec(sse("Read to [DONE]").sseName("chat")
            .setCheck().await(Duration.ofSeconds(60)).on(
                    sse.checkMessage("Rest of stream").matching(regex("\\[DONE\\]"))));

    private final ChainBuilder close = exec(sse("Close").sseName("chat").close());

    // scenario
    private final ScenarioBuilder chatter = scenario("Streaming chat").exec(streamChat, readToDone, close);

    // injection and assertions
    {
        setUp(chatter.injectOpen(constantUsersPerSec(USERS_PER_SEC).during(DURATION_SEC)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(DURATION_SEC + 90L))
                .assertions(
                        global().failedRequests().percent().lte(1.0),
                        global().responseTime().percentile(95).lt(5_000));
    }

    @Override
    public void after() {
        target.close();
    }
}
