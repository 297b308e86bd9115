package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** S7: which keys APIM admits, in which form, and what it answers to the others. */
@ExtendWith(VertxPerTest.class)
class SubscriptionKeyAcceptanceTest {
    private static final String CHAT = "/deployments/gpt-4o/chat/completions";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MISSING = "Access denied due to missing subscription key. Make sure to include"
            + " subscription key when making requests to an API.";
    private static final String INVALID = "Access denied due to invalid subscription key. Make sure to provide a valid"
            + " key for an active subscription.";

    private RequestSpecification api(Gateway gateway) {
        return new RequestSpecBuilder().setBaseUri(gateway.apim.apiUrl()).setContentType(ContentType.JSON)
                .addQueryParam("api-version", "2024-10-21").setBody(BODY).build();
    }

    private static Gateway gateway(Vertx vertx, ApimTopology topology) throws Exception {
        return Gateway.start(vertx, topology, Responders.chatCompletion("eastus", 20));
    }

    /** The active key is admitted in header {@code carrying}; in header {@code ignored} it counts as no key at all. */
    private void assertKeyIsTakenFromHeaderAndNotFrom(Gateway gateway, String carrying, String ignored) {
        given().spec(api(gateway)).header(carrying, ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        given().spec(api(gateway)).header(ignored, ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(MISSING));
    }

    @Test
    void requestWithoutKeyIsRefusedWithApimsMissingKeyAnswer(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        given().spec(api(gateway))
                .when().post(CHAT)
                .then().statusCode(401).body("statusCode", equalTo(401)).body("message", equalTo(MISSING));
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void requestWithWrongKeyIsRefusedWithApimsInvalidKeyAnswer(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        given().spec(api(gateway)).header("api-key", "0123456789abcdef0123456789abcdef")
                .when().post(CHAT)
                .then().statusCode(401).body("statusCode", equalTo(401)).body("message", equalTo(INVALID));
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void keysOfSuspendedOrCancelledSubscriptionsAreRefusedAsInvalid(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        for (String key : new String[] {SUSPENDED_KEY, CANCELLED_KEY}) {
            given().spec(api(gateway)).header("api-key", key)
                    .when().post(CHAT)
                    .then().statusCode(401).body("message", equalTo(INVALID));
        }
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void keyOfAProductWithoutTheApiIsRefusedAsInvalid(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        given().spec(api(gateway)).header("api-key", OTHER_PRODUCT_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(INVALID));
    }

    @Test
    void keyOfAnUnpublishedProductStillGrantsAccessAsApimDocuments(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        given().spec(api(gateway)).header("api-key", UNPUBLISHED_PRODUCT_KEY)
                .when().post(CHAT)
                .then().statusCode(200);
        assertThat(gateway.records(1)).last().extracting(ApimRequestRecord::product).isEqualTo("hidden");
    }

    @Test
    void primarySecondaryApiScopedAndAllApisKeysAreAccepted(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        for (String key : new String[] {ACTIVE_KEY, ACTIVE_SECONDARY_KEY, API_SCOPED_KEY, ALL_APIS_KEY}) {
            given().spec(api(gateway)).header("api-key", key)
                    .when().post(CHAT)
                    .then().statusCode(200);
        }
        assertThat(gateway.records(4)).extracting(ApimRequestRecord::subscription)
                .containsExactly("smoke", "smoke", "api-only", "all-access");
    }

    @Test
    void defaultHeaderNameCarriesTheKeyWhenTheApiKeepsApimsDefaults(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology().keyNames(null, null));

        assertKeyIsTakenFromHeaderAndNotFrom(gateway, "Ocp-Apim-Subscription-Key", "api-key");
    }

    @Test
    void renamedHeaderApiKeyCarriesTheKeyAndTheDefaultHeaderNoLongerDoes(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology().keyNames("api-key", null));

        assertKeyIsTakenFromHeaderAndNotFrom(gateway, "api-key", "Ocp-Apim-Subscription-Key");
    }

    @Test
    void queryParameterCarriesTheKeyAndMayBeRenamed(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology().keyNames("api-key", "key"));

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
    void headerIsCheckedBeforeTheQueryParameter(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology());

        given().spec(api(gateway)).header("api-key", "not-a-key").queryParam("subscription-key", ACTIVE_KEY)
                .when().post(CHAT)
                .then().statusCode(401).body("message", equalTo(INVALID));
    }

    @Test
    void openProductContainingTheApiAdmitsRequestsWithoutAnyKey(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology().withOpenProduct());

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
    void apiThatRequiresNoSubscriptionAdmitsRequestsWithoutAnyKey(Vertx vertx) throws Exception {
        Gateway gateway = gateway(vertx, new ApimTopology().apiSubscriptionRequired(false));

        given().spec(api(gateway))
                .when().post(CHAT)
                .then().statusCode(200);
    }
}
