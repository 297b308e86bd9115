package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Failover: steady chats whose origin is read from {@code x-ms-region}; an operator takes one account down through
 * the embedded topology's admin API at {@code failover.downAtSec} and brings it back at {@code failover.upAtSec}.
 * After the run, {@link FailoverCheck} requires that the downed origin got no answers once Front Door's probes noticed
 * (within {@code failover.detectSec}), and answers again after it came back.
 */
public class FailoverSimulation extends Simulation {
    // parameters
    private static final int DOWN_AT_SEC = Integer.getInteger("failover.downAtSec", 10);
    private static final int UP_AT_SEC = Integer.getInteger("failover.upAtSec", 25);
    private static final int DETECT_SEC = Integer.getInteger("failover.detectSec", 8);
    private final LoadRun run = LoadRun.start("failover", "scenarios/load/failover.yaml")
            .embeddedOnly("the failover simulation takes an origin down through the admin API (on a real deployment,"
                    + " take it down yourself during -Dsim=soak)");
    private final String victim = run.topology().frontDoor().origins().get(0).account();
    private final long startMs = System.currentTimeMillis();

    // protocol
    private final HttpProtocolBuilder protocol = run.protocol();

    // chains: the chats, and the operator's two actions (embedded only: a real origin is taken down by its owner)
    private final ChainBuilder chat = HeaderChat.chat(run);
    private final ChainBuilder outage = exec(pause(Duration.ofSeconds(DOWN_AT_SEC)))
            .exec(session -> {
                run.target().admin().put("/admin/accounts/" + victim + "/faults", Map.of("down", true));
                return session;
            })
            .exec(pause(Duration.ofSeconds(UP_AT_SEC - DOWN_AT_SEC)))
            .exec(session -> {
                run.target().admin().delete("/admin/accounts/" + victim + "/faults");
                return session;
            });

    // scenarios
    private final ScenarioBuilder chats = scenario("Chat with headers").exec(chat);
    private final ScenarioBuilder operator = scenario("Operator").exec(outage);

    // injection and assertions
    {
        setUp(run.population(chats), operator.injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .maxDuration(run.maxDuration())
                .assertions(global().successfulRequests().percent().gt(50.0));
    }

    @Override
    public void after() {
        String region = run.topology().account(victim).orElseThrow().region();
        run.checks(FailoverCheck.check(run.summary().timeline(), region, startMs / 1000 + DOWN_AT_SEC + DETECT_SEC,
                startMs / 1000 + UP_AT_SEC, startMs / 1000 + UP_AT_SEC + DETECT_SEC));
        run.close();
    }
}
