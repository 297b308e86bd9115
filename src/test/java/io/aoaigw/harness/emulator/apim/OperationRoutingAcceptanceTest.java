package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** S2/S3: the API exposes the imported spec's operations under its suffix, and its export describes the gateway. */
@ExtendWith(VertxPerTest.class)
class OperationRoutingAcceptanceTest {
    private static RequestSpecification keyed(String baseUri) {
        return new RequestSpecBuilder().setBaseUri(baseUri).setContentType(ContentType.JSON)
                .addHeader("api-key", ACTIVE_KEY).setBody("{\"input\":\"hi\"}").build();
    }

    @Test
    void unknownPathsAndMethodsAnswer404ResourceNotFoundEvenWithAValidKey(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway.apim.apiUrl())).when().post("/deployments/gpt-4o/chat/completion")
                .then().statusCode(404).body("statusCode", equalTo(404)).body("message", equalTo("Resource not found"));
        given().spec(keyed(gateway.apim.apiUrl())).when().get("/deployments/gpt-4o/chat/completions")
                .then().statusCode(404).body("message", equalTo("Resource not found"));
        given().spec(keyed(gateway.apim.gatewayUrl())).when().post("/deployments/gpt-4o/chat/completions")
                .then().statusCode(404);
        assertThat(gateway.frontDoor.received()).isEmpty();
        gateway.records(3);
        assertThat(gateway.apim.stats().byStatus()).containsEntry(404, 3L);
    }

    @Test
    void everyOperationOfTheSpecIsForwardedToServiceUrlPlusItsPathWithTheQueryMinusTheKey(Vertx vertx)
            throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));

        for (ApiOperation op : gateway.apim.operations()) {
            String path = op.urlTemplate().replace("{deployment-id}", "dep-1");
            given().spec(keyed(gateway.apim.apiUrl())).queryParam("api-version", "2024-10-21")
                    .queryParam("subscription-key", "ignored-because-header-wins")
                    .when().post(path)
                    .then().statusCode(200);
        }

        List<String> uris = gateway.frontDoor.received().stream().map(r -> r.uri()).toList();
        assertThat(uris).containsExactlyInAnyOrder(
                "/openai/deployments/dep-1/completions?api-version=2024-10-21",
                "/openai/deployments/dep-1/embeddings?api-version=2024-10-21",
                "/openai/deployments/dep-1/chat/completions?api-version=2024-10-21",
                "/openai/deployments/dep-1/audio/transcriptions?api-version=2024-10-21",
                "/openai/deployments/dep-1/audio/translations?api-version=2024-10-21",
                "/openai/deployments/dep-1/images/generations?api-version=2024-10-21");
        gateway.records(uris.size());
        assertThat(gateway.apim.stats().byOperation()).containsKeys("ChatCompletions_Create", "embeddings_create");
    }

    @Test
    void exportHasTheGatewayAsItsServerAndTheSpecsOperationsAndTheGatewayServesNoSpec(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));

        JsonNode doc = gateway.apim.exportedOpenApi();
        String exported = doc.toString();
        given().baseUri(gateway.apim.gatewayUrl())
                .when().get("/_emulator/apis/azure-openai/export")
                .then().statusCode(404);

        assertThat(doc.path("servers")).hasSize(1);
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(gateway.apim.gatewayUrl() + "/openai");
        assertThat(exported).doesNotContain("{endpoint}");
        assertThat(operationIds(doc)).containsExactlyInAnyOrder("Completions_Create", "embeddings_create",
                "ChatCompletions_Create", "Transcriptions_Create", "Translations_Create", "ImageGenerations_Create");
        assertThat(doc.at("/components/securitySchemes/apiKeyHeader/name").asText()).isEqualTo("api-key");
        assertThat(doc.at("/components/schemas/createChatCompletionRequest").isObject()).isTrue();
    }

    @Test
    void operationsLimitedByTheTopologyAreTheOnlyOnesServedAndExported(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().operations("ChatCompletions_Create",
                "Embeddings_Create"), Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway.apim.apiUrl())).when().post("/deployments/d/embeddings").then().statusCode(200);
        given().spec(keyed(gateway.apim.apiUrl())).when().post("/deployments/d/completions").then().statusCode(404);
        assertThat(operationIds(gateway.apim.exportedOpenApi()))
                .containsExactlyInAnyOrder("ChatCompletions_Create", "embeddings_create");
    }

    @Test
    void unknownOperationNamesInTheTopologyFailTheStart(Vertx vertx) {
        var started = ApimEmulator.start(vertx, new ApimTopology().operations("NoSuch_Operation").build(),
                new ApimBackends(null, null, null, null, null));

        assertThatThrownBy(() -> Gateway.await(started)).hasStackTraceContaining("NoSuch_Operation");
    }

    private static List<String> operationIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));
        return ids;
    }
}
