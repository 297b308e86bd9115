package io.aoaigw.harness.emulator.frontdoor;

import static io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture.await;
import static io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.aoaigw.harness.emulator.frontdoor.testsupport.Traffic;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FrontDoorLifecycleTest {

    @Test
    void startFailsWhenThePortIsTaken() {
        try (FrontDoorFixture first = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000))) {
            Vertx vertx = first.vertx();
            TestTopology samePort = new TestTopology().origin("eastus", 1, 1000).port(first.emulator().port());

            Throwable failure = awaitFailure(FrontDoorEmulator.start(vertx, samePort.build(),
                    Map.of("eastus", first.origin("eastus").url())));

            assertThat(failure).hasMessageContaining("Address already in use");
        }
    }

    @Test
    void startRefusesAnOriginThatIsNotOnThisMachine() {
        Vertx vertx = Vertx.vertx();
        try {
            var started = FrontDoorEmulator.start(vertx, new TestTopology().origin("eastus", 1, 1000).build(),
                    Map.of("eastus", URI.create("http://10.1.2.3:8080")));

            assertThat(awaitFailure(started)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a loopback address");
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void countersSerialiseToTheAdminApisJsonShape() throws Exception {
        try (FrontDoorFixture fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000))) {
            new Traffic(fd).spread(5);
            long bodyBytes = 5L * "{\"origin\":\"eastus\"}".length();
            // relayed bytes are added when the server side of the pipe completes, which may trail the client
            fd.awaitUntil("relayed bytes counted", Duration.ofSeconds(5),
                    () -> fd.emulator().originStats("eastus").responseBytes() == bodyBytes);

            JsonNode json = new ObjectMapper().valueToTree(fd.emulator().stats());

            assertThat(json.get("frontDoorId").asText()).isEqualTo(fd.emulator().frontDoorId());
            assertThat(json.get("routing").asText()).isEqualTo("weighted");
            assertThat(json.get("requests").asLong()).isEqualTo(5);
            JsonNode origin = json.get("origins").get(0);
            assertThat(origin.get("name").asText()).isEqualTo("eastus");
            assertThat(origin.get("responses").get("200").asLong()).isEqualTo(5);
            assertThat(origin.get("selectedShare").asDouble()).isEqualTo(1.0);
            assertThat(origin.get("probes").get("recent")).hasSize(4);
            assertThat(origin.fieldNames()).toIterable().contains("healthy", "enabled", "effectiveWeight",
                    "probeLatencyMs", "errors", "retriedAway", "requestBytes", "responseBytes");
            assertThat(origin.get("responseBytes").asLong()).isEqualTo(bodyBytes);

            fd.emulator().resetCounters();
            assertThat(fd.emulator().originStats("eastus").requests()).isZero();
            assertThatThrownBy(() -> fd.emulator().originStats("nowhere")).isInstanceOf(NoSuchElementException.class);
        }
    }
}
