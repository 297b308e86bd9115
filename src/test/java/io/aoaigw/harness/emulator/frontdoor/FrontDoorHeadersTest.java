package io.aoaigw.harness.emulator.frontdoor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestOrigin;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.aoaigw.harness.topology.FrontDoor;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrontDoorHeadersTest {
    private FrontDoorFixture fd;

    @BeforeEach
    void start() {
        fd = FrontDoorFixture.start(new TestTopology()
                .origin(new FrontDoor.Origin("eastus", "eastus", 1, 1000, true, "aoai-eastus.openai.azure.com")));
    }

    @AfterEach
    void stop() {
        fd.close();
    }

    @Test
    void originReceivesMethodPathQueryBodyAndFrontDoorsForwardingHeaders() {
        Response answer = given()
                .spec(fd.spec())
                .header("api-key", "client-key")
                .header("Content-Type", "application/json")
                .body("{\"messages\":[]}")
                .when()
                .post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");

        assertThat(answer.statusCode()).isEqualTo(200);
        TestOrigin.Received seen = fd.origin("eastus").received().get(0);
        assertThat(seen.method()).isEqualTo(HttpMethod.POST);
        assertThat(seen.uri()).isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
        assertThat(seen.body()).isEqualTo("{\"messages\":[]}");
        assertThat(seen.headers().get("api-key")).isEqualTo("client-key");
        assertThat(seen.headers().get("Host")).isEqualTo("aoai-eastus.openai.azure.com");
        assertThat(seen.headers().get("Via")).isEqualTo("1.1 Azure");
        assertThat(seen.headers().get("X-Azure-ClientIP")).isEqualTo("127.0.0.1");
        assertThat(seen.headers().get("X-Azure-SocketIP")).isEqualTo("127.0.0.1");
        assertThat(seen.headers().get("X-Azure-FDID")).isEqualTo(fd.emulator().frontDoorId());
        assertThat(seen.headers().get("X-Azure-Ref")).isEqualTo(answer.header("X-Azure-Ref"));
        assertThat(seen.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.headers().get("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + fd.emulator().port());
        assertThat(seen.headers().get("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void hopByHopAndReservedClientHeadersDoNotReachTheOriginButAnExistingForwardedForIsExtended() {
        given()
                .spec(fd.spec())
                .header("Connection", "keep-alive, X-Private-Hop")
                .header("X-Private-Hop", "secret")
                .header("X-FD-HealthProbe", "1")
                .header("X-Forwarded-For", "203.0.113.7")
                .when()
                .get("/anything")
                .then()
                .statusCode(200);

        TestOrigin.Received seen = fd.origin("eastus").received().get(0);
        assertThat(seen.headers().names()).map(String::toLowerCase)
                .doesNotContain("x-private-hop", "x-fd-healthprobe");
        assertThat(seen.headers().get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(seen.headers().get("X-Azure-ClientIP")).isEqualTo("203.0.113.7");
        assertThat(seen.headers().get("X-Azure-SocketIP")).isEqualTo("127.0.0.1");
    }

    @Test
    void everyAnswerCarriesItsOwnAzureRefNamingTheProfileAndTheCacheVerdict() {
        Response first = given().spec(fd.spec()).when().get("/a");
        Response second = given().spec(fd.spec()).when().get("/status/404");

        assertThat(first.header("x-ms-region")).isEqualTo("eastus"); // origin headers pass through
        assertThat(second.statusCode()).isEqualTo(404);
        for (Response r : new Response[] {first, second}) {
            assertThat(r.header("X-Cache")).isEqualTo("CONFIG_NOCACHE");
            assertThat(r.header("X-Azure-Ref")).matches("0[A-Za-z0-9+/]+=*");
            String decoded = new String(Base64.getDecoder().decode(r.header("X-Azure-Ref").substring(1)),
                    StandardCharsets.ISO_8859_1);
            assertThat(decoded).endsWith(fd.emulator().frontDoorId());
        }
        assertThat(first.header("X-Azure-Ref")).isNotEqualTo(second.header("X-Azure-Ref"));
    }

    @Test
    void debugInfoRequestHeaderAddsTheOriginStatusCodeToTheAnswer() {
        Response withDebug = given().spec(fd.spec()).header("X-Azure-DebugInfo", "1").when().get("/status/201");
        Response without = given().spec(fd.spec()).when().get("/status/201");

        assertThat(withDebug.header("X-Azure-OriginStatusCode")).isEqualTo("201");
        assertThat(without.header("X-Azure-OriginStatusCode")).isNull();
    }
}
