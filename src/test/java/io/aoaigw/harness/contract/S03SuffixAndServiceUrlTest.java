package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;
import static io.restassured.RestAssured.given;

import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.PolicyXml;
import io.aoaigw.harness.contract.support.Urls;
import io.aoaigw.harness.host.LoopbackGuard;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.BackendInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S3: the API URL suffix and the backend serviceUrl set by hand after the import. */
@ContractStep(id = "S3", title = "API suffix and backend serviceUrl",
        correct = "The API URL suffix is exactly 'openai', so SDKs that append /openai/deployments/… to the gateway "
                + "work unchanged; the backend serviceUrl is a concrete https URL (no {endpoint} placeholder) at the "
                + "Front Door endpoint, ending in /openai; every backend entity the policy names "
                + "(set-backend-service backend-id, a pool's every member) sends to that endpoint too.")
class S03SuffixAndServiceUrlTest {
    private final ResolvedTarget target;
    private final Gateway gateway;

    S03SuffixAndServiceUrlTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(ARM)
    void apiUrlSuffixIsExactlyOpenai(Check check) {
        ApiInfo api = target.arm().api();

        ContractFailure.unless("openai".equals(api.path()), "API %s of APIM service %s has URL suffix '%s': SDKs "
                + "call <endpoint>/openai/deployments/…, so set the API URL suffix to exactly 'openai'", api.id(),
                target.names().apimService(), api.path());
        check.detail("suffix '%s'", api.path());
    }

    @Test
    @Requires(ARM)
    void serviceUrlIsAConcreteHttpsUrl(Check check) {
        ApiInfo api = target.arm().api();
        String url = api.serviceUrl();

        ContractFailure.unless(url != null && !url.isBlank(), "API %s of APIM service %s has no backend serviceUrl: "
                + "set it to https://<Front Door endpoint>/openai", api.id(), target.names().apimService());
        ContractFailure.unless(!url.contains("{") && !url.contains("}"), "API %s of APIM service %s has serviceUrl "
                + "'%s' with the import's unresolved placeholder: set it to https://<Front Door endpoint>/openai",
                api.id(), target.names().apimService(), url);
        ContractFailure.unless(parses(url), "API %s has serviceUrl '%s', which is not a URL: set it to "
                + "https://<Front Door endpoint>/openai", api.id(), url);
        boolean https = url.regionMatches(true, 0, "https://", 0, 8);
        ContractFailure.unless(https || LoopbackGuard.isLoopbackUrl(url), "API %s has serviceUrl %s over plain http: Azure "
                + "OpenAI traffic and APIM's token must travel over https — use https://", api.id(), url);
        check.detail(https ? "serviceUrl %s" : "serviceUrl %s (http allowed only on the emulator's loopback)", url);
    }

    @Test
    @Requires(ARM)
    void serviceUrlPointsAtTheFrontDoorEndpointUnderOpenai(Check check) {
        ApiInfo api = target.arm().api();
        FrontDoorInfo frontDoor = target.arm().frontDoor();
        String url = api.serviceUrl();
        String fd = Urls.authority(frontDoor.endpointHostName());

        ContractFailure.unless(url != null && fd.equals(Urls.authority(url)), () -> String.format("API %s of APIM "
                + "service %s sends its backend calls to %s, not to Front Door endpoint %s (%s)%s: set serviceUrl to "
                + "https://%s/openai", api.id(), target.names().apimService(), url, frontDoor.endpointName(),
                frontDoor.endpointHostName(), accountAt(url), frontDoor.endpointHostName()));
        String path = URI.create(url).getPath();
        ContractFailure.unless(path != null && path.replaceAll("/+$", "").endsWith("/openai"), "API %s has serviceUrl "
                + "%s: Azure OpenAI serves /openai/deployments/…, so the serviceUrl must end in /openai", api.id(), url);
        check.detail("serviceUrl %s is Front Door endpoint %s", url, frontDoor.endpointName());
    }

    @Test
    @Requires(ARM)
    void backendEntitiesThePolicyNamesPointAtTheFrontDoorEndpoint(Check check) {
        ApiInfo api = target.arm().api();
        List<String> named = PolicyXml.parse(String.valueOf(api.policyXml())).stream()
                .flatMap(policy -> policy.in("inbound", "set-backend-service").stream())
                .map(e -> e.getAttribute("backend-id")).filter(id -> !id.isBlank()).distinct().toList();
        if (named.isEmpty()) {
            check.detail("the policy names no backend entity: serviceUrl is the backend");
            return;
        }
        String fd = Urls.authority(target.arm().frontDoor().endpointHostName());
        List<String> singles = new ArrayList<>();
        for (String id : named) {
            BackendInfo entity = backend(id, "the policy of API " + api.id() + " names backend '%s', which APIM "
                    + "service %s does not have: create it or correct the backend-id");
            List<BackendInfo> members = entity.isPool() ? entity.members().stream().map(m -> backend(m.backendId(),
                    "backend pool " + id + " holds member '%s', which APIM service %s does not have")).toList()
                    : List.of(entity);
            for (BackendInfo single : members) {
                String url = single.url();
                ContractFailure.unless(url != null && fd.equals(Urls.authority(url)), () -> String.format(
                        "backend %s%s that the policy of API %s names sends to %s, not to Front Door endpoint %s%s: "
                        + "its traffic skips Front Door — point it at https://%s/openai or remove it", single.id(),
                        entity.isPool() ? " (member of pool " + id + ")" : "", api.id(), url,
                        target.arm().frontDoor().endpointHostName(), accountAt(url),
                        target.arm().frontDoor().endpointHostName()));
                singles.add(single.id());
            }
        }
        check.detail("backend(s) %s named by the policy send to Front Door (%s)", singles, fd);
    }

    private BackendInfo backend(String id, String missing) {
        return target.arm().backends().stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new ContractFailure(String.format(missing, id, target.names().apimService())));
    }

    @Test
    @Requires(GATEWAY)
    void sdkPathsResolveUnderTheOpenaiSuffix(Check check) {
        Response answer = given()
                .spec(gateway.anonymous())
                .queryParam("api-version", Gateway.API_VERSION)
                .body(Gateway.chatBody(1, false))
        .when()
                .post(gateway.chatPath())
        .then()
                .extract().response();

        boolean apimNotFound = answer.statusCode() == 404 && !answer.asString().contains("DeploymentNotFound");
        ContractFailure.unless(!apimNotFound, "POST %s%s (the path SDKs build) found no API (%s): set the API URL "
                + "suffix to 'openai'", target.gatewayUrl(), gateway.chatPath(), GatewayAnswers.explain(answer));
        check.detail("POST %s answered %d", gateway.chatPath(), answer.statusCode());
    }

    private static boolean parses(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && uri.getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** " — that is account X" when the serviceUrl is one account's endpoint (the classic shortcut). */
    private String accountAt(String url) {
        String authority = url == null || !parses(url) ? null : Urls.authority(url);
        return target.names().accounts().stream()
                .filter(a -> authority != null && target.arm().accountIfExists(a)
                        .filter(info -> authority.equals(Urls.authority(info.endpoint()))).isPresent())
                .findFirst().map(a -> ", which is account " + a + " itself (traffic would skip Front Door)")
                .orElse("");
    }
}
