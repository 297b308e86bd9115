package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;
import static io.restassured.RestAssured.given;

import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ProductInfo;
import io.aoaigw.harness.inventory.SubscriptionInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S7: the API sits in products requiring a subscription, and keys are checked on every path. */
@ContractStep(id = "S7", title = "Products and subscription keys",
        correct = "No key → 401, wrong key → 401, suspended subscription → rejected, an active key is accepted in "
                + "the API's header and in its query parameter; no product holding the API is open (subscription "
                + "not required); an active subscription is scoped to the API or to a product holding it.")
class S07SubscriptionKeysTest {
    private static final Pattern SCOPE_TAIL = Pattern.compile("/(apis(/[^/]+)?|products/[^/]+)$");
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

    /**
     * A key for every API (scope /apis, such as the built-in all-access subscription) does not count: Microsoft warns
     * against using it for routine access, so a client's key is one of the API's own scope or a product holding it.
     */
    @Test
    @Requires(ARM)
    void anActiveSubscriptionIsScopedToTheApi(Check check) {
        ApiInfo api = target.arm().api();
        List<SubscriptionInfo> active = target.arm().subscriptions().stream()
                .filter(s -> "active".equalsIgnoreCase(s.state())).toList();
        List<String> covering = active.stream().filter(s -> covers(s.scope(), api.id())).map(SubscriptionInfo::name)
                .toList();
        ContractFailure.unless(!covering.isEmpty(), () -> String.format("no active subscription of APIM service %s "
                + "is scoped to API %s or to a product holding it (active: %s): clients' keys get 401 — scope the "
                + "subscription to /apis/%s or to a product holding the API", target.names().apimService(), api.id(),
                active.stream().map(s -> s.name() + " → " + relative(s.scope())).toList(), api.id()));
        check.detail("active subscription(s) %s scoped to API %s or a product holding it", covering, api.id());
    }

    private boolean covers(String scope, String apiId) {
        String relative = relative(scope);
        if (relative.equalsIgnoreCase("/apis/" + apiId)) {
            return true;
        }
        return relative.startsWith("/products/") && target.arm().products().stream()
                .anyMatch(p -> p.id().equalsIgnoreCase(relative.substring(10)) && p.apiIds().contains(apiId));
    }

    /** The scope's part after the service's id: /apis, /apis/ID or /products/ID. */
    private static String relative(String scope) {
        Matcher m = SCOPE_TAIL.matcher(scope == null ? "" : scope);
        return m.find() ? m.group() : String.valueOf(scope);
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
