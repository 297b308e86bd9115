package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S7: which keys APIM admits, in which form, and what it answers to the others. */
class SubscriptionKeyAcceptanceTest {
    private static final String CHAT = "/deployments/gpt-4o/chat/completions";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MISSING = "Access denied due to missing subscription key. Make sure to include"
            + " subscription key when making requests to an API.";
    private static final String INVALID = "Access denied due to invalid subscription key. Make sure to provide a valid"
            + " key for an active subscription.";

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        Gateway.await(vertx.close());
    }

    private RequestSpecification api(Gateway gateway) {
        return new RequestSpecBuilder().setBaseUri(gateway.apim.apiUrl()).setContentType(ContentType.JSON)
                .addQueryParam("api-version", "2024-10-21").setBody(BODY).build();
    }

    private Gateway gateway(ApimTopology topology) throws Exception {
        return Gateway.start(vertx, topology, Responders.chatCompletion("eastus", 20));
    }

    @Test
    void requestWithoutKeyIsRefusedWithApimsMissingKeyAnswer() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        given().spec(api(gateway))
                .when().post(CHAT)
                .then().statusCode(401).body("statusCode", equalTo(401)).body("message", equalTo(MISSING));
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void requestWithWrongKeyIsRefusedWithApimsInvalidKeyAnswer() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        given().spec(api(gateway)).header("api-key", "0123456789abcdef0123456789abcdef")
                .when().post(CHAT)
                .then().statusCode(401).body("statusCode", equalTo(401)).body("message", equalTo(INVALID));
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void keysOfSuspendedOrCancelledSubscriptionsAreRefusedAsInvalid() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        for (String key : new String[] {SUSPENDED_KEY, CANCELLED_KEY}) {
            given().spec(api(gateway)).header("api-key", key)
                    .when().post(CHAT)
                    .then().statusCode(401).body("message", equalTo(INVALID));
        }
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void keyOfAProductWithoutTheApiIsRefusedAsInvalid() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        given().spec(api(gateway)).header("api-key", OTHER_PRODUCT_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(INVALID));
    }

    @Test
    void keyOfAnUnpublishedProductStillGrantsAccessAsApimDocuments() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        given().spec(api(gateway)).header("api-key", UNPUBLISHED_PRODUCT_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        assertThat(gateway.records(1)).last().extracting(ApimRequestRecord::product).isEqualTo("hidden");
    }

    @Test
    void primarySecondaryApiScopedAndAllApisKeysAreAccepted() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        for (String key : new String[] {ACTIVE_KEY, ACTIVE_SECONDARY_KEY, API_SCOPED_KEY, ALL_APIS_KEY}) {
            given().spec(api(gateway)).header("api-key", key)
                    .when().post(CHAT)
                    .then().statusCode(200);
        }
        assertThat(gateway.records(4)).extracting(ApimRequestRecord::subscription)
                .containsExactly("smoke", "smoke", "api-only", "all-access");
    }

    @Test
    void defaultHeaderNameCarriesTheKeyWhenTheApiKeepsApimsDefaults() throws Exception {
        Gateway gateway = gateway(new ApimTopology().keyNames(null, null));

        given().spec(api(gateway)).header("Ocp-Apim-Subscription-Key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        given().spec(api(gateway)).header("api-key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(MISSING));
    }

    @Test
    void renamedHeaderApiKeyCarriesTheKeyAndTheDefaultHeaderNoLongerDoes() throws Exception {
        Gateway gateway = gateway(new ApimTopology().keyNames("api-key", null));

        given().spec(api(gateway)).header("api-key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        given().spec(api(gateway)).header("Ocp-Apim-Subscription-Key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(MISSING));
    }

    @Test
    void queryParameterCarriesTheKeyAndMayBeRenamed() throws Exception {
        Gateway gateway = gateway(new ApimTopology().keyNames("api-key", "key"));

        given().spec(api(gateway)).queryParam("key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        given().spec(api(gateway)).queryParam("subscription-key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(MISSING));
        assertThat(gateway.records(2)).first().extracting(ApimRequestRecord::keySource)
                .isEqualTo("query");
    }

    @Test
    void headerIsCheckedBeforeTheQueryParameter() throws Exception {
        Gateway gateway = gateway(new ApimTopology());

        given().spec(api(gateway)).header("api-key", "not-a-key").queryParam("subscription-key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(INVALID));
    }

    @Test
    void openProductContainingTheApiAdmitsRequestsWithoutAnyKey() throws Exception {
        Gateway gateway = gateway(new ApimTopology().withOpenProduct());

        given().spec(api(gateway))
                .when().post(CHAT)
                .then().statusCode(200);
        given().spec(api(gateway)).header("api-key", "not-a-key")
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(INVALID));
        assertThat(gateway.records(2)).first().satisfies(r -> {
            assertThat(r.product()).isEqualTo("open-starter");
            assertThat(r.subscription()).isNull();
        });
    }

    @Test
    void apiThatRequiresNoSubscriptionAdmitsRequestsWithoutAnyKey() throws Exception {
        Gateway gateway = gateway(new ApimTopology().apiSubscriptionRequired(false));

        given().spec(api(gateway))
                .when().post(CHAT)
                .then().statusCode(200);
    }
}
