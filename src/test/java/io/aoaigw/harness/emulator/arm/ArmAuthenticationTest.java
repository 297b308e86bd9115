package io.aoaigw.harness.emulator.arm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ARM's bearer check: a management token is required, with ARM's 401 codes otherwise. */
class ArmAuthenticationTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension();

    private String servicePath() {
        return arm.topology().resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso"
                + "?api-version=2024-05-01";
    }

    @Test
    void requestWithoutTokenIsRefusedWithAuthenticationFailed() {
        given()
                .spec(arm.spec())
        .when()
                .get(servicePath())
        .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error.code", equalTo("AuthenticationFailed"))
                .body("error.message", containsString("'Authorization' header is missing"));
    }

    @Test
    void tokenForAnotherAudienceIsRefusedNamingThatAudience() {
        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor("https://cognitiveservices.azure.com"))
        .when()
                .get(servicePath())
        .then()
                .statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationTokenAudience"))
                .body("error.message", containsString("https://cognitiveservices.azure.com"));
    }

    @Test
    void malformedTokenIsRefusedWithInvalidAuthenticationToken() {
        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer not-a-jwt")
        .when()
                .get(servicePath())
        .then()
                .statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void managementTokenReadsTheService() {
        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
        .when()
                .get(servicePath())
        .then()
                .statusCode(200)
                .body("identity.type", equalTo("SystemAssigned"))
                .body("properties.gatewayUrl", equalTo(arm.view().apimGatewayUrl()));
    }
}
