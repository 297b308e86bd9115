package io.aoaigw.harness.emulator.arm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import io.aoaigw.harness.topology.Roles;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ARM's error shapes, api-version checks, nextLink paging and role-assignment filters, over raw HTTP. */
class ArmAnswersTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension();

    private static RequestSpecification authorized() {
        return given().spec(arm.spec()).header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT));
    }

    private static String rg() {
        return arm.topology().resourceGroupId();
    }

    @Test
    void missingServiceIsResourceNotFoundNamingTypeNameAndGroup() {
        authorized()
        .when()
                .get(rg() + "/providers/Microsoft.ApiManagement/service/apim-nope?api-version=2024-05-01")
        .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"))
                .body("error.message", containsString("The Resource 'Microsoft.ApiManagement/service/apim-nope'"
                        + " under resource group 'rg-aoai-gateway' was not found."));
    }

    @Test
    void anotherResourceGroupIsNotReadableByAGroupScopedReader() {
        // Azure authorises before it looks: a reader of one group learns nothing about another, existing or not
        authorized()
        .when()
                .get("/subscriptions/" + arm.topology().subscriptionId()
                        + "/resourceGroups/rg-other/providers/Microsoft.Cdn/profiles/afd-contoso?api-version=2024-02-01")
        .then()
                .statusCode(403)
                .body("error.code", equalTo("AuthorizationFailed"));
    }

    @Test
    void missingOrUnknownApiVersionIsRefused() {
        String account = arm.topology().accountResourceId("aoai-eastus");
        authorized().when().get(account).then()
                .statusCode(400).body("error.code", equalTo("MissingApiVersionParameter"));
        authorized().when().get(account + "?api-version=1999-01-01").then()
                .statusCode(400).body("error.code", equalTo("NoRegisteredProviderFound"));
    }

    @Test
    void apiExportNamesALinkThatServesTheDocumentWithoutACredential() {
        String api = rg() + "/providers/Microsoft.ApiManagement/service/apim-contoso/apis/azure-openai";
        String link = authorized()
        .when()
                .get(api + "?api-version=2024-05-01&export=true&format=openapi%2Bjson-link")
        .then()
                .statusCode(200)
                .body("id", equalTo(api))
                .body("format", equalTo("openapi-link"))
                .extract().path("value.link");

        assertThat(link).startsWith("https://127.0.0.1:" + arm.arm().port() + "/");
        given().spec(arm.spec())
        .when()
                .get(link.substring(link.indexOf('/', "https://".length())))
        .then()
                .statusCode(200)
                .body("servers[0].url", equalTo(arm.view().apimGatewayUrl() + "/openai"))
                .body("paths", org.hamcrest.Matchers.hasKey("/deployments/{deployment-id}/chat/completions"));
        given().spec(arm.spec()).when().get("/_blob/api-export/0000/azure-openai.json").then().statusCode(404)
                .body(containsString("BlobNotFound"));
    }

    @Test
    void apiExportInAFormatNotServedIsRefused() {
        authorized()
        .when()
                .get(rg() + "/providers/Microsoft.ApiManagement/service/apim-contoso/apis/azure-openai"
                        + "?api-version=2024-05-01&export=true&format=wadl-link")
        .then()
                .statusCode(400)
                .body("error.code", equalTo("ValidationError"));
    }

    @Test
    void everyVersionTheSpecsPublishForTheTypesReadIsAcceptedAndReadsLeftAreTold() {
        String account = arm.topology().accountResourceId("aoai-eastus");
        String service = rg() + "/providers/Microsoft.ApiManagement/service/apim-contoso";

        authorized().when().get(account + "/deployments?api-version=2026-09-15-preview").then().statusCode(200);
        authorized().when().get(account + "/deployments?api-version=2021-10-01").then().statusCode(200);
        authorized().when().get(service + "/apis/azure-openai/policies?api-version=2019-12-01").then().statusCode(200);
        // 2016-07-07 published the service alone, 2021-04-30 no deployments: refused
        authorized().when().get(service + "?api-version=2016-07-07").then().statusCode(400);
        authorized().when().get(account + "?api-version=2021-04-30").then().statusCode(400);
        int first = Integer.parseInt(authorized().when().get(account + "?api-version=2025-09-01").then()
                .statusCode(200).extract().header("x-ms-ratelimit-remaining-subscription-reads"));
        int second = Integer.parseInt(authorized().when().get(account + "?api-version=2025-09-01").then()
                .statusCode(200).extract().header("x-ms-ratelimit-remaining-subscription-reads"));
        assertThat(second).isEqualTo(first - 1).isLessThan(ReadBudget.READS_PER_HOUR);
    }

    @Test
    void metricsOfAResourceWithoutThemOrWithAnUnsupportedFilterAreBadRequests() {
        String metrics = rg() + "/providers/Microsoft.Cdn/profiles/afd-contoso/providers/Microsoft.Insights/metrics"
                + "?api-version=2024-02-01";
        authorized().when().get(metrics + "&metricnames=OriginHealthPercentage").then()
                .statusCode(400).body("error.message", containsString("Failed to find metric configuration"));
        authorized().when().get(metrics).then().statusCode(400).body("error.code", equalTo("BadRequest"));
        authorized().when().get(metrics.replace("2024-02-01", "2016-06-01") + "&metricnames=OriginLatency").then()
                .statusCode(400).body("error.code", equalTo("NoRegisteredProviderFound"));
    }

    @Test
    void frontDoorRoutesRuleSetsAndSecurityPoliciesAreReadable() {
        String profile = rg() + "/providers/Microsoft.Cdn/profiles/afd-contoso";
        authorized().when().get(profile + "/afdEndpoints/aoai-gateway/routes?api-version=2024-02-01").then()
                .statusCode(200).body("value[0].name", equalTo("default-route"))
                .body("value[0].properties.enabledState", equalTo("Enabled"))
                .body("value[0].properties.linkToDefaultDomain", equalTo("Enabled"));
        authorized().when().get(profile + "/ruleSets?api-version=2024-02-01").then().statusCode(200)
                .body("value", hasSize(0));
        authorized().when().get(profile + "/securityPolicies?api-version=2024-02-01").then().statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void listsArePagedAlongAbsoluteNextLinks() {
        String first = rg() + "/providers/Microsoft.ApiManagement/service/apim-contoso/subscriptions?api-version=2024-05-01";
        List<String> names = new ArrayList<>();
        String url = first;
        int pages = 0;
        while (url != null) {
            JsonPath page = authorized().when().get(url).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("value")).hasSizeLessThanOrEqualTo(ArmEmulatorExtension.PAGE_SIZE);
            names.addAll(page.getList("value.name"));
            url = page.getString("nextLink");
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("smoke", "load", "suspended");
    }

    @Test
    void subscriptionsCarryScopeAndStateButNoKeys() {
        authorized()
        .when()
                .get(rg() + "/providers/Microsoft.ApiManagement/service/apim-contoso/subscriptions/suspended"
                        + "?api-version=2024-05-01")
        .then()
                .statusCode(200)
                .body("properties.state", equalTo("suspended"))
                .body("properties.scope", containsString("/products/aoai-standard"))
                .body("properties.primaryKey", nullValue())
                .body("properties.secondaryKey", nullValue());
    }

    @Test
    void roleAssignmentsAtAnAccountScopeFilteredAtScopeShowOnlyThoseThatApplyThere() {
        String account = arm.topology().accountResourceId("aoai-westeurope");
        String apimPrincipal = arm.topology().identity("apim-contoso").orElseThrow().objectId();

        JsonPath atScope = authorized()
        .when()
                .get(account + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter="
                        + encode("atScope()"))
        .then()
                .statusCode(200).extract().jsonPath();

        // the reader's Reader role at the group applies here; APIM's own assignment on this account too
        assertThat(atScope.getList("value.properties.scope", String.class)).containsExactlyInAnyOrder(rg(), account);
        assertThat(atScope.getList("value.properties.principalId", String.class)).contains(apimPrincipal);
    }

    @Test
    void roleAssignmentsFilteredByPrincipalAndTheRoleDefinitionTheyName() {
        String apimPrincipal = arm.topology().identity("apim-contoso").orElseThrow().objectId();

        // listed at the group, where the reader's Reader role lets it list (at the subscription ARM would refuse it)
        JsonPath assignments = authorized()
        .when()
                .get(rg() + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter="
                        + encode("principalId eq '" + apimPrincipal + "'"))
        .then()
                .statusCode(200).extract().jsonPath();
        List<String> all = new ArrayList<>(assignments.getList("value.properties.roleDefinitionId"));
        String next = assignments.getString("nextLink");
        if (next != null) {
            all.addAll(authorized().when().get(next).then().statusCode(200).extract().jsonPath()
                    .getList("value.properties.roleDefinitionId"));
        }

        assertThat(all).hasSize(3).allSatisfy(id -> assertThat(id).endsWith("/" + Roles.OPENAI_USER));
        authorized()
        .when()
                .get(all.get(0) + "?api-version=2022-04-01")
        .then()
                .statusCode(200)
                .body("properties.roleName", equalTo("Cognitive Services OpenAI User"))
                .body("properties.permissions[0].dataActions", hasSize(4));
    }

    @Test
    void unsupportedFilterIsRefused() {
        authorized()
        .when()
                .get(rg() + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter="
                        + encode("roleDefinitionId eq 'x'"))
        .then()
                .statusCode(400)
                .body("error.code", equalTo("UnsupportedQuery"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
