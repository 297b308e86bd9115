package io.aoaigw.harness.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What may hold or cut a stream, as ARM serves it and the inventory reads it: the service's tier, the diagnostics
 * (service-wide and the API's own, with their body bytes) and the profile's origin groups.
 */
class StreamingFactsFromArmTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension(yaml -> yaml
            .replace("  sku: Developer\n", """
                      sku: StandardV2
                      diagnostics:
                        - {logger: applicationinsights, frontend: {responseBodyBytes: 4096}}
                        - {logger: applicationinsights, api: azure-openai, backend: {requestBodyBytes: 512}}
                    """)
            .replace("  origins:\n    - {account: aoai-eastus", "  originGroups:\n"
                    + "    - {name: web-origins, origins: [{hostName: contoso-web.azurewebsites.net}]}\n"
                    + "  origins:\n    - {account: aoai-eastus"));

    @Test
    void theInventoryReadsTheTierAndEveryScopesDiagnostics() {
        InventoryReader reader = arm.inventoryReader(arm.readerCredential());

        assertThat(reader.read(arm.target()).apim().sku()).isEqualTo("StandardV2");
        assertThat(reader.readDiagnostics(arm.target())).containsExactly(
                new DiagnosticInfo("applicationinsights", null, loggerId(), 0, 4096, 0, 0),
                new DiagnosticInfo("applicationinsights", "azure-openai", loggerId(), 0, 0, 512, 0));
    }

    @Test
    void theInventoryListsEveryOriginGroupOfTheProfile() {
        FrontDoorInfo fd = arm.inventoryReader(arm.readerCredential()).read(arm.target()).frontDoor();

        assertThat(fd.originGroupNames()).containsExactly("aoai-origins", "web-origins");
        assertThat(fd.originGroup().name()).isEqualTo("aoai-origins");
    }

    @Test
    void aDiagnosticHasApimsShapeAndAnUnknownOneIsNotFound() {
        String service = arm.topology().resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso";
        given().spec(arm.spec()).header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
        .when()
                .get(service + "/diagnostics/applicationinsights?api-version=2024-05-01")
        .then()
                .statusCode(200)
                .body("type", equalTo("Microsoft.ApiManagement/service/diagnostics"))
                .body("properties.frontend.response.body.bytes", equalTo(4096))
                .body("properties.backend.request.body.bytes", equalTo(0));
        given().spec(arm.spec()).header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
        .when()
                .get(service + "/apis/azure-openai/diagnostics/azuremonitor?api-version=2024-05-01")
        .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
    }

    private static String loggerId() {
        return arm.topology().resourceGroupId()
                + "/providers/Microsoft.ApiManagement/service/apim-contoso/loggers/applicationinsights";
    }
}
