package io.aoaigw.harness.emulator.arm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.inventory.InventoryException;
import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ARM answers 403 AuthorizationFailed, as Azure RBAC does, to a reader whose roles do not grant the read. */
class ArmAuthorizationTest {
    /** The reader holds only the OpenAI data-plane role on one account, not Reader on the group. */
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension(yaml -> yaml.replace(
            "{principal: harness-reader, role: Reader, scope: resourceGroup}",
            "{principal: harness-reader, role: Cognitive Services OpenAI User, scope: \"account:aoai-eastus\"}"));

    private static RequestSpecification authorized() {
        return given().spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT));
    }

    @Test
    void readOutsideTheCallersRolesIsAuthorizationFailedWithAzuresWording() {
        String service = arm.topology().resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso";

        authorized()
        .when()
                .get(service + "?api-version=2024-05-01")
        .then()
                .statusCode(403)
                .body("error.code", equalTo("AuthorizationFailed"))
                .body("error.message", equalTo("The client '" + arm.reader().clientId() + "' with object id '"
                        + arm.reader().objectId() + "' does not have authorization to perform action "
                        + "'Microsoft.ApiManagement/service/read' over scope '" + service + "' or the scope is "
                        + "invalid. If access was recently granted, please refresh your credentials."));
    }

    @Test
    void aRoleGrantsItsActionsAtItsScopeAndBelowOnly() {
        String eastus = arm.topology().accountResourceId("aoai-eastus");
        String westeurope = arm.topology().accountResourceId("aoai-westeurope");

        authorized().when().get(eastus + "?api-version=2025-09-01").then().statusCode(200);
        authorized().when().get(eastus + "/deployments?api-version=2025-09-01").then().statusCode(200);
        authorized().when().get(westeurope + "?api-version=2025-09-01").then().statusCode(403);
        authorized().when().get(arm.topology().resourceGroupId() + "/providers/Microsoft.CognitiveServices/accounts"
                + "?api-version=2025-09-01").then().statusCode(403);
    }

    @Test
    void theInventoryNamesTheMissingRoleAndTheGroup() {
        assertThatThrownBy(() -> arm.inventoryReader(arm.readerCredential()).read(arm.target()))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("object id " + arm.reader().objectId())
                .hasMessageContaining("assign it the Reader role on resource group rg-aoai-gateway");
    }

    @Test
    void actionsAndScopesAreDerivedFromThePathAsArmDoes() {
        String rg = "/subscriptions/s/resourceGroups/rg";
        org.assertj.core.api.Assertions.assertThat(ArmAuthorizer.readOf(rg + "/providers/Microsoft.Cdn/profiles/p"
                + "/originGroups/g/origins")).contains(new ArmAuthorizer.Read(
                "Microsoft.Cdn/profiles/originGroups/origins/read", rg + "/providers/Microsoft.Cdn/profiles/p"
                + "/originGroups/g"));
        org.assertj.core.api.Assertions.assertThat(ArmAuthorizer.readOf(rg + "/providers/Microsoft.Authorization"
                + "/roleAssignments")).contains(new ArmAuthorizer.Read("Microsoft.Authorization/roleAssignments/read",
                rg));
        org.assertj.core.api.Assertions.assertThat(ArmAuthorizer.readOf(rg)).contains(new ArmAuthorizer.Read(
                "Microsoft.Resources/subscriptions/resourceGroups/read", rg));
        org.assertj.core.api.Assertions.assertThat(ArmAuthorizer.matches("*/read", "Microsoft.Cdn/profiles/read"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(ArmAuthorizer.matches("Microsoft.CognitiveServices/*/read",
                "Microsoft.ApiManagement/service/read")).isFalse();
    }
}
