package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.Urls;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** S2: the API imported from the Azure OpenAI inference spec. */
@ContractStep(id = "S2", title = "API imported from the inference spec",
        correct = "The API exists with the inference spec's operations (chat completions, completions, embeddings); "
                + "its spec is retrievable with the gateway (not the import's {endpoint}) as server, and the gateway "
                + "routes the spec's paths at the API's suffix.")
class S02ApiImportTest {
    /** Operations every import of the inference spec has, as "METHOD urlTemplate". */
    static final List<String> SPEC_OPERATIONS = List.of("POST /deployments/{deployment-id}/chat/completions",
            "POST /deployments/{deployment-id}/completions", "POST /deployments/{deployment-id}/embeddings");

    private final ResolvedTarget target;
    private final Gateway gateway;

    S02ApiImportTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(ARM)
    void apiHasTheSpecsOperations(Check check) {
        ApiInfo api = target.arm().api();
        Set<String> present = api.operations().stream()
                .map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.urlTemplate()).collect(Collectors.toSet());

        List<String> missing = SPEC_OPERATIONS.stream().filter(op -> !present.contains(op)).toList();
        ContractFailure.unless(missing.isEmpty(), "API %s of APIM service %s lacks the inference spec's operations "
                + "%s: import the Azure OpenAI inference spec (%s) into it", api.id(), target.names().apimService(),
                missing, Gateway.API_VERSION);
        check.detail("%d operations, including the %d required", api.operations().size(), SPEC_OPERATIONS.size());
    }

    @Test
    @Requires({ARM, GATEWAY})
    void specIsServedWithTheGatewayAsServer(Check check) {
        ApiInfo api = target.arm().api();
        String expected = target.gatewayUrl() + (api.path().isEmpty() ? "" : "/" + api.path());
        JsonNode spec = target.arm().apiExport().document();

        String server = spec.path("servers").path(0).path("url").asText(null);
        ContractFailure.unless(server != null && !server.contains("{"), "the spec of API %s names server '%s' "
                + "with the import's unresolved {endpoint}: the API's servers must be the gateway", api.id(), server);
        ContractFailure.unless(Urls.authority(server).equals(Urls.authority(expected))
                        && server.endsWith(api.path()), "the spec of API %s names server %s, not the gateway at "
                        + "the API's suffix (%s): re-import the spec into the API", api.id(), server, expected);
        JsonNode paths = spec.path("paths");
        ContractFailure.unless(paths.has("/deployments/{deployment-id}/chat/completions"),
                "the spec of API %s describes no chat completions path: re-import the inference spec", api.id());
        check.detail("ARM's export (%s): server %s, %d paths", "openapi+json-link", server, paths.size());
    }

    @Test
    @Requires({ARM, GATEWAY})
    void gatewayRoutesTheChatOperationAtTheApisSuffix(Check check) {
        String path = gateway.chatPath(target.arm().api().path());

        Response answer = given()
                .spec(gateway.anonymous())
                .queryParam("api-version", Gateway.API_VERSION)
                .body(Gateway.chatBody(1, false))
        .when()
                .post(path)
        .then()
                .extract().response();

        boolean apimNotFound = answer.statusCode() == 404 && !answer.asString().contains("DeploymentNotFound");
        ContractFailure.unless(!apimNotFound, "POST %s%s has no operation at the gateway (%s): import the "
                + "inference spec's operations into the API", target.gatewayUrl(), path,
                GatewayAnswers.explain(answer));
        check.detail("POST %s (no key) answered %d: the operation exists", path, answer.statusCode());
    }
}
