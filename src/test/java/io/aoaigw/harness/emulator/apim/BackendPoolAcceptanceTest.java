package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.RecordingBackend;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.aoaigw.harness.topology.ApimBackend;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** set-backend-service backend-id: a single backend, a pool by priority then weight, and circuit breakers. */
@ExtendWith(VertxPerTest.class)
class BackendPoolAcceptanceTest {
    private static final String CHAT = "/deployments/gpt-4o/chat/completions";
    /** Trips after two 5xx within a minute and stays open for an hour (longer than any test). */
    private static final ApimBackend.CircuitBreaker TWO_5XX = new ApimBackend.CircuitBreaker(List.of(
            new ApimBackend.Rule("two-5xx", new ApimBackend.FailureCondition(2, "PT1M",
                    List.of(new ApimBackend.StatusCodeRange(500, 599)), null), "PT1H", null)));

    @Test
    void aPoolSpreadsItsFirstPriorityByWeightAndLeavesTheSecondIdle(Vertx vertx) throws Exception {
        Accounts accounts = Accounts.start(vertx, Responders.chatCompletion("a", 5), Responders.chatCompletion("b", 5),
                Responders.chatCompletion("c", 5));
        Gateway gateway = accounts.gateway(vertx, pool(member("a", 1, 3), member("b", 1, 1), member("c", 2, 1)), null);

        List<Integer> statuses = send(gateway, 8);

        assertThat(statuses).containsOnly(200);
        assertThat(accounts.a.received()).hasSize(6);
        assertThat(accounts.b.received()).hasSize(2);
        assertThat(accounts.c.received()).isEmpty();
        assertThat(accounts.a.last().uri()).isEqualTo("/openai" + CHAT + "?api-version=2024-10-21");
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void aTrippedMemberIsSkippedAndTheNextPriorityTakesOver(Vertx vertx) throws Exception {
        Accounts accounts = Accounts.start(vertx, failing(500), Responders.chatCompletion("b", 5),
                Responders.chatCompletion("c", 5));
        Gateway gateway = accounts.gateway(vertx, pool(member("a", 1, 1), member("c", 2, 1)), TWO_5XX);

        List<Integer> statuses = send(gateway, 5);

        assertThat(statuses).containsExactly(500, 500, 200, 200, 200);
        assertThat(accounts.a.received()).hasSize(2);
        assertThat(accounts.c.received()).hasSize(3);
    }

    @Test
    void aPoolWithEveryMemberTrippedAnswers503WithoutCallingAnyone(Vertx vertx) throws Exception {
        Accounts accounts = Accounts.start(vertx, failing(502), failing(502), Responders.chatCompletion("c", 5));
        Gateway gateway = accounts.gateway(vertx, pool(member("a", 1, 1), member("b", 1, 1)), TWO_5XX);

        List<Integer> statuses = send(gateway, 5);

        assertThat(statuses).containsExactly(502, 502, 502, 502, 503);
        assertThat(accounts.a.received()).hasSize(2);
        assertThat(accounts.b.received()).hasSize(2);
    }

    @Test
    void statusesOutsideTheRulesRangesNeverTrip(Vertx vertx) throws Exception {
        Accounts accounts = Accounts.start(vertx, failing(429), Responders.chatCompletion("b", 5),
                Responders.chatCompletion("c", 5));
        Gateway gateway = accounts.gateway(vertx, pool(member("a", 1, 1), member("c", 2, 1)), TWO_5XX);

        List<Integer> statuses = send(gateway, 4);

        assertThat(statuses).containsOnly(429);
        assertThat(accounts.c.received()).isEmpty();
    }

    @Test
    void aSingleBackendNamedDirectlyAnswers503OnceTripped(Vertx vertx) throws Exception {
        Accounts accounts = Accounts.start(vertx, failing(500), Responders.chatCompletion("b", 5),
                Responders.chatCompletion("c", 5));
        Gateway gateway = accounts.gateway(vertx, "a", TWO_5XX, List.of());

        List<Integer> statuses = send(gateway, 3);

        assertThat(statuses).containsExactly(500, 500, 503);
        assertThat(accounts.a.received()).hasSize(2);
        assertThat(gateway.records(3).get(2).backendUrl()).isEqualTo("backend-id:a");
    }

    private static ApimBackend.Member member(String id, int priority, int weight) {
        return new ApimBackend.Member(id, priority, weight);
    }

    private static List<ApimBackend> pool(ApimBackend.Member... members) {
        return List.of(new ApimBackend("pool", "Pool", null, null, new ApimBackend.Pool(List.of(members)), null));
    }

    private static RecordingBackend.Responder failing(int status) {
        return (req, backend) -> req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"error\":{\"code\":\"" + status + "\",\"message\":\"test\"}}");
    }

    /** Sends chats one by one, each recorded by the gateway before the next goes (so the breaker has counted it). */
    private static List<Integer> send(Gateway gateway, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            statuses.add(given().baseUri(gateway.apim.apiUrl()).contentType(ContentType.JSON)
                    .header("api-key", ACTIVE_KEY).body("{\"messages\":[]}")
                    .when().post(CHAT + "?api-version=2024-10-21")
                    .then().extract().statusCode());
            gateway.records(i);
        }
        return statuses;
    }

    /** Three stand-in accounts a, b, c, each a single backend entity of the same id. */
    private record Accounts(RecordingBackend a, RecordingBackend b, RecordingBackend c) {
        static Accounts start(Vertx vertx, RecordingBackend.Responder a, RecordingBackend.Responder b,
                              RecordingBackend.Responder c) throws Exception {
            return new Accounts(Gateway.await(RecordingBackend.start(vertx, a)),
                    Gateway.await(RecordingBackend.start(vertx, b)), Gateway.await(RecordingBackend.start(vertx, c)));
        }

        Gateway gateway(Vertx vertx, List<ApimBackend> pools, ApimBackend.CircuitBreaker breaker) throws Exception {
            return gateway(vertx, "pool", breaker, pools);
        }

        Gateway gateway(Vertx vertx, String backendId, ApimBackend.CircuitBreaker breaker, List<ApimBackend> pools)
                throws Exception {
            List<ApimBackend> entities = new ArrayList<>();
            for (String id : List.of("a", "b", "c")) {
                entities.add(new ApimBackend(id, null, "${account:" + id + "}/openai", null, null, breaker));
            }
            entities.addAll(pools);
            ApimTopology topology = new ApimTopology().backends(entities.toArray(ApimBackend[]::new))
                    .inbound(ApimTopology.MANAGED_IDENTITY + ApimTopology.STRIP_KEY
                            + "<set-backend-service backend-id=\"" + backendId + "\" />");
            return Gateway.start(vertx, topology, Responders.chatCompletion("frontdoor", 5), 3600,
                    Map.of("a", a, "b", b, "c", c));
        }
    }
}
