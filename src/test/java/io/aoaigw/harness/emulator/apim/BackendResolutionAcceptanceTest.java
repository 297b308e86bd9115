package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.RecordingBackend;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S3/S9: where the gateway sends a request, and how it fails when the backend cannot be resolved. */
class BackendResolutionAcceptanceTest {
    private static final String CHAT = "/deployments/gpt-4o/chat/completions";

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        Gateway.await(vertx.close());
    }

    private static RequestSpecification keyed(Gateway gateway) {
        return new RequestSpecBuilder().setBaseUri(gateway.apim.apiUrl()).setContentType(ContentType.JSON)
                .addHeader("api-key", ACTIVE_KEY).setBody("{\"messages\":[]}").build();
    }

    @Test
    void unresolvedEndpointPlaceholderFailsWithApimsInternalErrorAndReachesNoBackend() throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().serviceUrl("https://{endpoint}/openai"),
                Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway))
                .when().post(CHAT)
                .then().statusCode(500).body("statusCode", equalTo(500))
                .body("message", equalTo("Internal server error")).body("activityId", notNullValue());
        assertThat(gateway.frontDoor.received()).isEmpty();
        assertThat(gateway.records(1)).last().satisfies(r -> {
            assertThat(r.backendUrl()).isEqualTo("https://{endpoint}/openai");
            assertThat(r.forwarded()).isFalse();
        });
    }

    @Test
    void publicHostIsNeverContactedAndFailsLikeAnUnreachableBackend() throws Exception {
        Gateway gateway = Gateway.start(vertx,
                new ApimTopology().serviceUrl("https://contoso-aoai.openai.azure.com/openai"),
                Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway))
                .when().post(CHAT)
                .then().statusCode(500).body("message", equalTo("Internal server error"));
        assertThat(gateway.identity.fetches()).isEqualTo(1); // inbound ran; only the forward was refused
    }

    @Test
    void accountPlaceholderGoesStraightToThatAccountAndNotToFrontDoor() throws Exception {
        RecordingBackend westeurope = Gateway.await(RecordingBackend.start(vertx,
                Responders.chatCompletion("westeurope", 20)));
        Gateway gateway = Gateway.start(vertx, new ApimTopology().serviceUrl("${account:aoai-westeurope}/openai"),
                Responders.chatCompletion("eastus", 20), 3600, Map.of("aoai-westeurope", westeurope));

        given().spec(keyed(gateway))
                .when().post(CHAT)
                .then().statusCode(200).header("x-ms-region", "westeurope");
        assertThat(westeurope.received()).hasSize(1);
        assertThat(westeurope.last().uri()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void unknownAccountInServiceUrlFailsWithInternalError() throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().serviceUrl("${account:nowhere}/openai"),
                Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway)).when().post(CHAT).then().statusCode(500);
    }

    @Test
    void setBackendServiceOverridesTheServiceUrl() throws Exception {
        RecordingBackend swedencentral = Gateway.await(RecordingBackend.start(vertx,
                Responders.chatCompletion("swedencentral", 20)));
        Gateway gateway = Gateway.start(vertx, new ApimTopology().serviceUrl("https://{endpoint}/openai")
                        .inbound(ApimTopology.MANAGED_IDENTITY
                                + "<set-backend-service base-url=\"${account:aoai-swedencentral}/openai\" />"),
                Responders.chatCompletion("eastus", 20), 3600, Map.of("aoai-swedencentral", swedencentral));

        given().spec(keyed(gateway)).when().post(CHAT).then().statusCode(200).header("x-ms-region", "swedencentral");
        assertThat(swedencentral.last().header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void backendSilentPastTheForwardTimeoutGivesInternalError() throws Exception {
        Gateway gateway = Gateway.start(vertx,
                new ApimTopology().backend("<forward-request timeout-ms=\"300\" buffer-response=\"false\" />"),
                Responders.never());

        given().spec(keyed(gateway)).when().post(CHAT)
                .then().statusCode(500).body("message", equalTo("Internal server error"));
        assertThat(gateway.frontDoor.received()).hasSize(1);
    }

    @Test
    void backendErrorsAndHeadersPassThroughUnchanged() throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), (req, backend) -> req.response().setStatusCode(429)
                .putHeader("retry-after", "7").putHeader("x-ms-region", "eastus")
                .putHeader("Content-Type", "application/json").end("{\"error\":{\"code\":\"429\",\"message\":\"m\"}}"));

        given().spec(keyed(gateway)).when().post(CHAT)
                .then().statusCode(429).header("retry-after", "7").header("x-ms-region", "eastus")
                .body("error.code", equalTo("429"));
        assertThat(gateway.records(1)).last().extracting(ApimRequestRecord::forwarded).isEqualTo(true);
    }
}
