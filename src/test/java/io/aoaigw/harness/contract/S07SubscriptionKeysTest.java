package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;
import static io.restassured.RestAssured.given;

import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ProductInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S7: the API sits in products requiring a subscription, and keys are checked on every path. */
@ContractStep(id = "S7", title = "Products and subscription keys",
        correct = "No key → 401, wrong key → 401, suspended subscription → rejected, an active key is accepted in "
                + "the API's header and in its query parameter; no product holding the API is open (subscription "
                + "not required).")
class S07SubscriptionKeysTest {
    private final ResolvedTarget target;
    private final Gateway gateway;

    S07SubscriptionKeysTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(GATEWAY)
    void noKeyIsRefusedWith401(Check check) {
        Response answer = chat(spec -> spec);

        ContractFailure.unless(answer.statusCode() == 401, "a chat without a subscription key answered %d, not 401: "
                + "the API can be called without a key — require a subscription on the API and on every product "
                + "holding it", answer.statusCode());
        check.detail("401: %s", GatewayAnswers.explain(answer));
    }

    @Test
    @Requires(GATEWAY)
    void wrongKeyIsRefusedWith401(Check check) {
        String wrong = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        Response answer = chat(spec -> spec.header(target.keys().header(), wrong));

        ContractFailure.unless(answer.statusCode() == 401, "a chat with an unknown subscription key answered %d, not "
                + "401: the gateway does not check keys — require a subscription on the API", answer.statusCode());
        check.detail("401 for a random key in header %s", target.keys().header());
    }

    @Test
    @Requires(GATEWAY)
    void suspendedSubscriptionIsRejected(Check check) {
        String suspended = target.keys().suspended();
        Assumptions.assumeTrue(suspended != null, "no suspended subscription's key is known: name one under "
                + "apim.subscriptionKeys.suspended in the target file to check this");

        Response answer = chat(spec -> spec.header(target.keys().header(), suspended));

        ContractFailure.unless(answer.statusCode() == 401 || answer.statusCode() == 403, "a suspended "
                + "subscription's key answered %d: suspended subscriptions still call the API — suspend or cancel "
                + "it in APIM", answer.statusCode());
        check.detail("%d for the suspended subscription's key", answer.statusCode());
    }

    @Test
    @Requires(GATEWAY)
    void activeKeyInTheHeaderIsAccepted(Check check) {
        acceptedOn("header " + target.keys().header(), chat(spec -> spec.header(target.keys().header(),
                target.keys().active())), check);
    }

    @Test
    @Requires(GATEWAY)
    void activeKeyInTheQueryParameterIsAccepted(Check check) {
        acceptedOn("query parameter " + target.keys().query(), chat(spec -> spec.queryParam(target.keys().query(),
                target.keys().active())), check);
    }

    @Test
    @Requires(ARM)
    void apiIsNotReachableThroughAnOpenProduct(Check check) {
        ApiInfo api = target.arm().api();
        ContractFailure.unless(api.subscriptionRequired(), "API %s of APIM service %s does not require a "
                + "subscription: anyone can call it without a key — turn 'Subscription required' on",
                api.id(), target.names().apimService());
        List<ProductInfo> holding = target.arm().products().stream().filter(p -> p.apiIds().contains(api.id()))
                .toList();
        List<String> open = holding.stream().filter(p -> !p.subscriptionRequired())
                .map(p -> p.id() + " (" + p.displayName() + ")").toList();
        ContractFailure.unless(open.isEmpty(), "product(s) %s hold API %s and require no subscription: the API is "
                + "callable without a key through them — turn 'Requires subscription' on or remove the API",
                open, api.id());
        check.detail("API in product(s) %s, all requiring a subscription",
                holding.stream().map(ProductInfo::id).toList());
    }

    private void acceptedOn(String where, Response answer, Check check) {
        boolean refused = GatewayAnswers.isApimKeyRefusal(answer.statusCode(), answer.asString());
        ContractFailure.unless(!refused, "the gateway refused an active subscription's key in the %s: %s — check "
                + "that the subscription is active and its product holds the API", where,
                GatewayAnswers.explain(answer));
        check.detail(answer.statusCode() == 200 ? "200 with the key in the %s" : "key in the %s passed the "
                + "subscription check; the answer (%s) is another step's matter", where,
                answer.statusCode() == 200 ? null : GatewayAnswers.explain(answer));
    }

    /** A one-token chat at the API's suffix, with the key (or none) as {@code key} places it. */
    private Response chat(UnaryOperator<RequestSpecification> key) {
        return key.apply(given()
                        .spec(gateway.anonymous())
                        .queryParam("api-version", Gateway.API_VERSION)
                        .body(Gateway.chatBody(1, false)))
        .when()
                .post(gateway.apiChatPath())
        .then()
                .extract().response();
    }
}
