package io.aoaigw.harness.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The APIM service's APIs, products of several APIs, subscription scopes and backend entities, read over ARM. */
class ApimModelInventoryTest {
    private static final String BACKENDS = """
              backends:
                - {id: fd, url: "${frontDoor}/openai", circuitBreaker: {rules: [{name: trip-on-5xx, tripDuration: PT1M,
                    failureCondition: {count: 3, interval: PT5M, statusCodeRanges: [{min: 500, max: 599}]}}]}}
                - {id: east, url: "${account:aoai-eastus}/openai"}
                - {id: pool, type: Pool, pool: {services: [{id: fd, priority: 1, weight: 3}, {id: east, priority: 2}]}}
              products:
                - {id: both, apis: [azure-openai, echo-api]}
            """;

    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension(yaml -> yaml
            .replace("  products:\n", BACKENDS)
            .replace("{name: load, scope: \"product:aoai-standard\"", "{name: load, scope: /apis/echo-api"));

    private static Inventory inventory;

    @BeforeAll
    static void read() {
        inventory = arm.inventoryReader(arm.readerCredential()).read(arm.target());
    }

    @Test
    void everyApiIsListedTheEchoApiAsAzureCreatesIt() {
        assertThat(inventory.apis()).extracting(ApiSummary::id).containsExactly("azure-openai", "echo-api");
        assertThat(inventory.apis().get(1)).satisfies(echo -> {
            assertThat(echo.path()).isEqualTo("echo");
            assertThat(echo.displayName()).isEqualTo("Echo API");
            assertThat(echo.serviceUrl()).isEqualTo("http://echoapi.cloudapp.net/api");
        });
    }

    @Test
    void aProductListsEveryApiItHolds() {
        assertThat(inventory.products()).filteredOn(p -> p.id().equals("both")).singleElement()
                .satisfies(p -> assertThat(p.apiIds()).containsExactly("azure-openai", "echo-api"));
    }

    @Test
    void subscriptionScopesAreFullArmIdsOfTheirApiOrProduct() {
        String service = arm.topology().resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso";

        assertThat(inventory.subscriptions()).extracting(SubscriptionInfo::scope).containsExactly(
                service + "/products/aoai-standard", service + "/apis/echo-api", service + "/products/aoai-standard");
    }

    @Test
    void aSingleBackendHasItsResolvedUrlAndCircuitBreakerRule() {
        assertThat(inventory.backend("fd")).get().satisfies(fd -> {
            assertThat(fd.isPool()).isFalse();
            assertThat(fd.url()).isEqualTo(arm.frontDoorEndpointUrl() + "/openai");
            assertThat(fd.circuitBreakerRules()).singleElement().isEqualTo(
                    new BackendInfo.Rule("trip-on-5xx", 3, "PT5M", "PT1M", java.util.List.of("500-599")));
        });
        assertThat(inventory.backend("east").orElseThrow().url()).isEqualTo(arm.accountEndpoint("aoai-eastus")
                .replaceAll("/$", "") + "/openai");
    }

    @Test
    void aPoolListsItsMembersWithPriorityAndWeight() {
        assertThat(inventory.backend("pool")).get().satisfies(pool -> {
            assertThat(pool.isPool()).isTrue();
            assertThat(pool.url()).isNull();
            assertThat(pool.members()).containsExactly(new BackendInfo.Member("fd", 1, 3),
                    new BackendInfo.Member("east", 2, 1));
        });
    }
}
