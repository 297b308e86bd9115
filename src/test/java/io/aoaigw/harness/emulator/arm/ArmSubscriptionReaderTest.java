package io.aoaigw.harness.emulator.arm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reader of the whole subscription may look anywhere in it, so ARM tells it what does not exist. */
class ArmSubscriptionReaderTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension(yaml -> yaml.replace(
            "{principal: harness-reader, role: Reader, scope: resourceGroup}",
            "{principal: harness-reader, role: Reader, scope: subscription}"));

    @Test
    void unknownResourceGroupIsResourceGroupNotFound() {
        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
        .when()
                .get("/subscriptions/" + arm.topology().subscriptionId()
                        + "/resourceGroups/rg-other/providers/Microsoft.Cdn/profiles/afd-contoso?api-version=2024-02-01")
        .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceGroupNotFound"));
    }

    @Test
    void roleAssignmentsOfTheSubscriptionAreListed() {
        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
        .when()
                .get("/subscriptions/" + arm.topology().subscriptionId()
                        + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")
        .then()
                .statusCode(200);
    }
}
