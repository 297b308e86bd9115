package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;
import static io.restassured.RestAssured.given;

import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.Urls;
import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** S1: the APIM instance exists and its gateway answers. */
@ContractStep(id = "S1", title = "API Management service",
        correct = "The APIM service exists in Resource Manager with a gateway URL, and that gateway answers HTTP.")
class S01ApimServiceTest {
    private final ResolvedTarget target;
    private final Gateway gateway;

    S01ApimServiceTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(ARM)
    void apimServiceExistsWithTheGatewayUrlInUse(Check check) {
        ApimService apim = target.arm().apimService();

        ContractFailure.unless(apim.gatewayUrl() != null && !apim.gatewayUrl().isBlank(),
                "APIM service %s (%s) has no gateway URL in Resource Manager: wait for its provisioning to finish",
                apim.name(), apim.resourceId());
        ContractFailure.unless(Urls.authority(apim.gatewayUrl()).equals(Urls.authority(target.gatewayUrl())),
                "APIM service %s reports gateway %s but the harness calls %s: correct the gateway in %s",
                apim.name(), apim.gatewayUrl(), target.gatewayUrl(), target.hint());
        check.detail("%s, gateway %s", apim.resourceId(), apim.gatewayUrl());
    }

    @Test
    @Requires(GATEWAY)
    void gatewayAnswersHttp(Check check) {
        Response answer = given()
                .spec(gateway.anonymous())
        .when()
                .get("/")
        .then()
                .extract().response();

        ContractFailure.unless(answer.statusCode() < 500,
                "gateway %s answered %d to GET /: APIM's gateway is not serving requests — check the service's state",
                target.gatewayUrl(), answer.statusCode());
        check.detail("GET %s/ answered %d", target.gatewayUrl(), answer.statusCode());
    }
}
