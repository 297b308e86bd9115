package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;

import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.InsideView;
import io.aoaigw.harness.contract.support.PolicyXml;
import io.aoaigw.harness.contract.support.Traffic;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** S5: the inbound policy authenticates to Azure OpenAI with APIM's identity, and the client's key stays behind. */
@ContractStep(id = "S5", title = "Managed-identity policy",
        correct = "The API's inbound policy holds <authentication-managed-identity resource=\"https://cognitiveservices"
                + ".azure.com/\"/>; requests reaching Azure OpenAI carry a bearer token of APIM's identity for that "
                + "audience and no client api-key or subscription key.")
class S05ManagedIdentityPolicyTest {
    static final String RESOURCE = "https://cognitiveservices.azure.com/";
    private static final String ELEMENT = "<authentication-managed-identity resource=\"" + RESOURCE + "\" />";

    private final ResolvedTarget target;
    private final Gateway gateway;

    S05ManagedIdentityPolicyTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(ARM)
    void policyAuthenticatesWithManagedIdentityForCognitiveServices(Check check) {
        ApiInfo api = target.arm().api();
        String where = "the policy of API " + api.id() + " (APIM service " + target.names().apimService() + ")";
        ContractFailure.unless(api.policyXml() != null, "API %s of APIM service %s has no policy: add %s to its "
                + "<inbound>", api.id(), target.names().apimService(), ELEMENT);
        PolicyXml policy = PolicyXml.parse(api.policyXml()).orElseThrow(() ->
                new ContractFailure(where + " is not well-formed XML: fix it in the policy editor"));

        List<Element> auth = policy.in("inbound", "authentication-managed-identity");
        ContractFailure.unless(!auth.isEmpty(), "%s has no authentication-managed-identity in <inbound>: add %s",
                where, ELEMENT);
        String resource = auth.get(0).getAttribute("resource");
        ContractFailure.unless(RESOURCE.equals(resource) || RESOURCE.equals(resource + "/"), "%s authenticates "
                + "for resource '%s', whose tokens Azure OpenAI refuses: set resource=\"%s\"", where, resource, RESOURCE);
        check.detail("<inbound> authenticates with the managed identity for %s", resource);
    }

    @Test
    @Requires({ARM, GATEWAY})
    void backendReceivesApimsBearerToken(Check check) {
        String principal = target.arm().apimService().principalId();
        check.insideViewOr(InsideView.of(target), view -> {
            InsideView.Served served = servedChat(view, gateway.keyed());
            Assumptions.assumeFalse(served.carriedApiKey(), () -> served.account() + " judged an api-key it was "
                    + "sent instead of the bearer token (see clientKeyIsNotForwarded)");
            ContractFailure.unless(served.carriedAuthorization(), "%s received no Authorization header from the "
                    + "gateway: add %s to the API's <inbound>", served.account(), ELEMENT);
            ContractFailure.unless(served.objectId() != null, "%s received a bearer token it could not validate for "
                    + "%s (wrong audience or issuer): set resource=\"%s\" in authentication-managed-identity",
                    served.account(), RESOURCE, RESOURCE);
            ContractFailure.unless(Objects.equals(served.objectId(), principal), "%s received a token of principal %s,"
                    + " not APIM's managed identity %s: authenticate with APIM's system-assigned identity",
                    served.account(), served.objectId(), principal);
        }, "the policy text from ARM and a chat that Azure OpenAI accepted", () -> {
            policyAuthenticatesWithManagedIdentityForCognitiveServices(check);
            Response answer = Traffic.chat(target, 1);
            ContractFailure.unless(answer.statusCode() == 200, "a chat through the gateway was not accepted by "
                    + "Azure OpenAI: %s", GatewayAnswers.explain(answer));
        });
    }

    @Test
    @Requires({ARM, GATEWAY})
    void clientKeyIsNotForwarded(Check check) {
        String keyHeader = target.keys().header();
        check.insideViewOr(InsideView.of(target), view -> {
            InsideView.Served served = servedChat(view, gateway.asSdk());
            ContractFailure.unless(!served.carriedApiKey(), "%s received an api-key header from the gateway: %s",
                    served.account(), storedKeySetter().map(from -> "the API's policy sets api-key towards the "
                            + "backend" + from + " — remove that set-header: APIM authenticates with its managed "
                            + "identity, and one account's key fails on the others").orElse("APIM passes the "
                            + "client's subscription key on by default — add " + deleteOf("api-key") + " to the "
                            + "API's <inbound> (and remove any set-header of api-key) so only APIM's token reaches "
                            + "Azure OpenAI"));
            List<String> leaked = served.presentHeaders().stream()
                    .filter(h -> h.equalsIgnoreCase(keyHeader) || h.equals("ocp-apim-subscription-key")).toList();
            ContractFailure.unless(leaked.isEmpty(), "%s received the subscription key header %s: add %s to the "
                    + "API's <inbound>", served.account(), leaked, deleteOf(keyHeader));
        }, "the policy text from ARM (the key header removed, no set-header of a key towards the backend)", () -> {
            String api = target.arm().api().id();
            PolicyXml policy = PolicyXml.parse(String.valueOf(target.arm().api().policyXml())).orElseThrow(() ->
                    new ContractFailure("the policy of API " + api + " is not well-formed XML: fix it"));
            List<String> set = policy.headersSetTowardsBackend(List.of("api-key", keyHeader,
                    "Ocp-Apim-Subscription-Key"));
            ContractFailure.unless(set.isEmpty(), "the policy of API %s sets %s towards the backend: remove that "
                    + "set-header so the client's key never reaches Azure OpenAI", api, set);
            ContractFailure.unless(policy.inboundDeletesHeader(keyHeader), "the policy of API %s does not remove the "
                    + "subscription key header %s, which APIM passes on to Azure OpenAI by default: add %s to its "
                    + "<inbound>", api, keyHeader, deleteOf(keyHeader));
            String keyQuery = target.keys().query();
            ContractFailure.unless(keyQuery == null || policy.inboundDeletesQueryParameter(keyQuery), "the policy of "
                    + "API %s does not remove the subscription key query parameter %s, which APIM passes on by "
                    + "default: add <set-query-parameter name=\"%s\" exists-action=\"delete\" /> to its <inbound>",
                    api, keyQuery, keyQuery);
        });
    }

    /** When the policy sets api-key towards the backend itself: " from named value X" (or ""). */
    private Optional<String> storedKeySetter() {
        String xml = String.valueOf(target.arm().api().policyXml());
        return PolicyXml.parse(xml).filter(p -> !p.headersSetTowardsBackend(List.of("api-key")).isEmpty())
                .map(p -> {
                    java.util.regex.Matcher named = java.util.regex.Pattern.compile(
                            "name=\"api-key\"[^>]*>\\s*<value>\\s*\\{\\{([^}]+)}}").matcher(xml);
                    return named.find() ? " from named value " + named.group(1) : "";
                });
    }

    private static String deleteOf(String header) {
        return "<set-header name=\"" + header + "\" exists-action=\"delete\" />";
    }

    /** One chat through the gateway and the account's record of it; skipped when no account saw it. */
    private InsideView.Served servedChat(InsideView view, RequestSpecification keyed) {
        Response answer = Traffic.chat(target, keyed, 1);
        Optional<InsideView.Served> served = view.servedBy(answer.getHeader("x-request-id"));
        Assumptions.assumeTrue(served.isPresent(), () -> "cannot judge what reaches Azure OpenAI: the chat reached "
                + "no account (" + GatewayAnswers.explain(answer) + ")");
        return served.get();
    }
}
