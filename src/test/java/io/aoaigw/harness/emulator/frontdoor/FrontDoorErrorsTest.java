package io.aoaigw.harness.emulator.frontdoor;

import static io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.aoaigw.harness.emulator.frontdoor.testsupport.Traffic;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontDoorErrorsTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    private FrontDoorFixture fd;

    @AfterEach
    void stop() {
        fd.close();
    }

    @Test
    void anOriginRefusingConnectionsGets503WithFrontDoorsErrorPage() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000));
        await(fd.origin("eastus").close());

        Response answer = given().spec(fd.spec()).when().get("/openai/models");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertFrontDoorErrorPage(answer, "OriginConnectionRefused");
        assertThat(fd.emulator().originStats("eastus").errors()).containsEntry("OriginConnectionRefused", 1L);
        assertThat(fd.emulator().stats().errors()).containsEntry("OriginConnectionRefused", 1L);
    }

    @Test
    void anOriginClosingTheConnectionBeforeAnsweringGets503ConnectionAborted() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000));

        Response answer = given().spec(fd.spec()).when().get("/reset");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertFrontDoorErrorPage(answer, "OriginConnectionAborted");
    }

    @Test
    void anOriginSilentPastTheResponseTimeoutGets504OriginTimeout() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000),
                FrontDoorOptions.defaults().withOriginResponseTimeout(SHORT_TIMEOUT));

        long started = System.nanoTime();
        Response answer = given().spec(fd.spec()).header("X-Azure-DebugInfo", "1").when().get("/hang");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(504);
        assertFrontDoorErrorPage(answer, "OriginTimeout");
        assertThat(answer.header("X-Azure-OriginStatusCode")).as("no origin status to report").isNull();
        assertThat(took).isGreaterThanOrEqualTo(SHORT_TIMEOUT).isLessThan(Duration.ofSeconds(16));
        assertThat(fd.emulator().originStats("eastus").errors()).containsEntry("OriginTimeout", 1L);
    }

    @Test
    void everyOriginDisabledGets503() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000));
        fd.emulator().setOriginEnabled("eastus", false);

        Response answer = given().spec(fd.spec()).when().get("/anything");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertFrontDoorErrorPage(answer, "UnspecifiedError");
        assertThat(fd.emulator().stats().routing()).isEqualTo("none");
    }

    @Test
    void withoutRetryOnServerErrorAnOrigins503ReachesTheClient() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000).origin("westeurope", 1, 1000));
        fd.origin("eastus").answerStatus(503);

        Map<String, Integer> spread = new Traffic(fd).spread(60);

        assertThat(spread).containsOnlyKeys("eastus 503", "westeurope");
        assertThat(spread.get("eastus 503")).isEqualTo(fd.origin("eastus").requestCount());
        assertThat(fd.emulator().stats().retries()).isZero();
    }

    @Test
    void withRetryOnServerErrorAnOrigins503IsRetriedOnTheOtherOrigin() {
        fd = FrontDoorFixture.start(new TestTopology().retryOnServerError(true)
                .origin("eastus", 1, 1000).origin("westeurope", 1, 1000));
        fd.origin("eastus").answerStatus(503);

        Map<String, Integer> spread = new Traffic(fd).spread(60);

        assertThat(spread).containsOnly(Map.entry("westeurope", 60));
        OriginStats eastus = fd.emulator().originStats("eastus");
        assertThat(eastus.retriedAway()).isEqualTo(fd.origin("eastus").requestCount()).isPositive();
        assertThat(eastus.responses()).containsOnly(Map.entry("503", eastus.retriedAway()));
        assertThat(fd.emulator().stats().retries()).isEqualTo(eastus.retriedAway());
    }

    @Test
    void withRetryOnServerErrorARefusedConnectionIsRetriedOnTheOtherOrigin() {
        fd = FrontDoorFixture.start(new TestTopology().retryOnServerError(true)
                .origin("eastus", 1, 1000).origin("westeurope", 1, 1000));
        await(fd.origin("eastus").close());

        Map<String, Integer> spread = new Traffic(fd).spread(60);

        assertThat(spread).containsOnly(Map.entry("westeurope", 60));
        OriginStats eastus = fd.emulator().originStats("eastus");
        assertThat(eastus.errors()).containsOnly(Map.entry("OriginConnectionRefused", eastus.retriedAway()));
        assertThat(fd.emulator().stats().errors()).isEmpty();
    }

    @Test
    void aRetryHappensOnlyOnceAndItsAnswerIsWhatTheClientGets() {
        fd = FrontDoorFixture.start(new TestTopology().retryOnServerError(true)
                .origin("eastus", 1, 1000).origin("westeurope", 1, 1000).origin("swedencentral", 1, 1000));
        fd.origin("eastus").answerStatus(500);
        fd.origin("westeurope").answerStatus(429);
        fd.origin("swedencentral").answerStatus(503);
        int n = 30;

        Map<String, Integer> spread = new Traffic(fd).spread(n);

        int reached = fd.origin("eastus").requestCount() + fd.origin("westeurope").requestCount()
                + fd.origin("swedencentral").requestCount();
        assertThat(reached).as("each request tried on exactly two origins").isEqualTo(2 * n);
        assertThat(fd.emulator().stats().retries()).isEqualTo(n);
        assertThat(spread.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(spread.keySet()).isSubsetOf("eastus 500", "westeurope 429", "swedencentral 503");
    }

    private static void assertFrontDoorErrorPage(Response answer, String errorInfo) {
        String ref = answer.header("X-Azure-Ref");
        assertThat(ref).startsWith("0");
        assertThat(answer.header("X-Cache")).isEqualTo("CONFIG_NOCACHE");
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body().asString())
                .contains("Our services aren't available right now")
                .contains("ErrorInfo: " + errorInfo)
                .contains(ref);
    }
}
