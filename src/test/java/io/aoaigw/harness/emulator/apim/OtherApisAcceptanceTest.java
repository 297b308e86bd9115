package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ALL_APIS_KEY;
import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.BOTH_APIS_PRODUCT_KEY;
import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ECHO_SCOPED_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.aoaigw.harness.topology.ApimApi;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The instance's other APIs beside the imported one: the Echo API answers, keys open only the APIs they scope. */
@ExtendWith(VertxPerTest.class)
class OtherApisAcceptanceTest {
    private static final String INVALID = "Access denied due to invalid subscription key. Make sure to provide a valid"
            + " key for an active subscription.";
    private static final String ECHO_KEY_HEADER = "Ocp-Apim-Subscription-Key";

    @Test
    void theEchoApiEchoesBodyAndHeadersWithoutReachingAnyBackend(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology());

        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, ALL_APIS_KEY).header("x-probe", "p-1")
                .contentType(ContentType.JSON).body("{\"hello\":\"echo\"}")
                .when().post("/echo/resource")
                .then().statusCode(200).header("x-probe", "p-1").body("hello", equalTo("echo"));
        assertThat(gateway.frontDoor.received()).isEmpty();
        assertThat(gateway.records(1)).last().satisfies(r -> {
            assertThat(r.operationId()).isEqualTo("post-resource");
            assertThat(r.backendUrl()).isEqualTo(ApimApi.ECHO_SERVICE_URL);
        });
    }

    @Test
    void anOperationTheEchoApiLacksIs404(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology());

        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, ALL_APIS_KEY)
                .when().get("/echo/nothing-here")
                .then().statusCode(404).body("message", equalTo("Resource not found"));
    }

    @Test
    void theOpenAiApiIsUnaffectedByTheEchoApiBesideIt(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology());

        given().baseUri(gateway.apim.apiUrl()).header("api-key", ACTIVE_KEY).contentType(ContentType.JSON)
                .body("{\"messages\":[]}")
                .when().post("/deployments/gpt-4o/chat/completions?api-version=2024-10-21")
                .then().statusCode(200).header("x-ms-region", "eastus");
        assertThat(gateway.frontDoor.received()).hasSize(1);
    }

    @Test
    void aKeyScopedToTheEchoApiIsRefusedByTheOpenAiApiAsAzureDoes(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology().withEchoScopes());

        given().baseUri(gateway.apim.apiUrl()).header("api-key", ECHO_SCOPED_KEY).contentType(ContentType.JSON)
                .body("{\"messages\":[]}")
                .when().post("/deployments/gpt-4o/chat/completions?api-version=2024-10-21")
                .then().statusCode(401).body("statusCode", equalTo(401)).body("message", equalTo(INVALID));
        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, ECHO_SCOPED_KEY)
                .when().get("/echo/resource")
                .then().statusCode(200);
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void aKeyOfTheOpenAiProductIsRefusedByTheEchoApi(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology());

        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, ACTIVE_KEY)
                .when().get("/echo/resource")
                .then().statusCode(401).body("message", equalTo(INVALID));
    }

    @Test
    void aProductHoldingBothApisOpensBoth(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology().withEchoScopes());

        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, BOTH_APIS_PRODUCT_KEY)
                .when().get("/echo/resource")
                .then().statusCode(200);
        given().baseUri(gateway.apim.apiUrl()).header("api-key", BOTH_APIS_PRODUCT_KEY).contentType(ContentType.JSON)
                .body("{\"messages\":[]}")
                .when().post("/deployments/gpt-4o/chat/completions?api-version=2024-10-21")
                .then().statusCode(200);
    }

    @Test
    void withoutTheEchoApiItsPathIs404(Vertx vertx) throws Exception {
        Gateway gateway = start(vertx, new ApimTopology().otherApis());

        given().baseUri(gateway.apim.gatewayUrl()).header(ECHO_KEY_HEADER, ALL_APIS_KEY)
                .when().get("/echo/resource")
                .then().statusCode(404);
    }

    @Test
    void anotherApiIsRoutedByItsOwnSuffixToItsOwnBackend(Vertx vertx) throws Exception {
        ApimApi status = new ApimApi("status", "Status", "status", "${frontDoor}/health", null, List.of("GET /ping"),
                false, null, "<policies/>");
        Gateway gateway = start(vertx, new ApimTopology().otherApis(ApimApi.echo(), status));

        given().baseUri(gateway.apim.gatewayUrl())
                .when().get("/status/ping")
                .then().statusCode(200);
        assertThat(gateway.frontDoor.last().uri()).isEqualTo("/health/ping");
    }

    private static Gateway start(Vertx vertx, ApimTopology topology) throws Exception {
        return Gateway.start(vertx, topology, Responders.chatCompletion("eastus", 10));
    }
}
