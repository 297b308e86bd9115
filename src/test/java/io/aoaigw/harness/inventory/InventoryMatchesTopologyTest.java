package io.aoaigw.harness.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Roles;
import io.aoaigw.harness.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inventory read through azure-resourcemanager from the emulated ARM equals the default topology. */
class InventoryMatchesTopologyTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension();

    private static Inventory inventory;
    private static Topology topology;

    @BeforeAll
    static void read() {
        topology = arm.topology();
        inventory = arm.inventoryReader(arm.readerCredential()).read(arm.target());
    }

    @Test
    void apimServiceHasItsGatewayUrlAndSystemAssignedIdentity() {
        String apimPrincipal = topology.identity(topology.apim().identity()).orElseThrow().objectId();

        assertThat(inventory.apim().name()).isEqualTo("apim-contoso");
        assertThat(inventory.apim().gatewayUrl()).isEqualTo(arm.apimGatewayUrl());
        assertThat(inventory.apim().identityEnabled()).isTrue();
        assertThat(inventory.apim().principalId()).isEqualTo(apimPrincipal);
    }

    @Test
    void apiHasSuffixResolvedServiceUrlKeyNamesAndTheExactPolicyText() {
        ApiInfo api = inventory.api();

        assertThat(api.id()).isEqualTo("azure-openai");
        assertThat(api.path()).isEqualTo("openai");
        assertThat(api.serviceUrl()).isEqualTo(arm.frontDoorEndpointUrl() + "/openai");
        assertThat(api.subscriptionRequired()).isTrue();
        assertThat(api.keyHeader()).isEqualTo("api-key");
        assertThat(api.keyQuery()).isEqualTo("subscription-key");
        assertThat(api.policyXml()).isEqualTo(topology.apim().api().policy());
    }

    @Test
    void apiHasTheImportedSpecsOperationsMoreThanOnePageOfThem() {
        assertThat(inventory.api().operations()).hasSizeGreaterThan(ArmEmulatorExtension.PAGE_SIZE);
        assertThat(inventory.api().operations()).extracting(ApiInfo.Operation::urlTemplate)
                .contains("/deployments/{deployment-id}/chat/completions", "/deployments/{deployment-id}/embeddings");
    }

    @Test
    void productsAndSubscriptionsAreThoseOfTheTopologyWithoutKeys() {
        assertThat(inventory.products()).containsExactly(new ProductInfo("aoai-standard", "Azure OpenAI Standard",
                true, "published", List.of("azure-openai")));
        String productId = topology.resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso"
                + "/products/aoai-standard";
        assertThat(inventory.subscriptions()).containsExactlyElementsOf(topology.apim().subscriptions().stream()
                .map(s -> new SubscriptionInfo(s.name(), productId, s.state())).toList());
    }

    @Test
    void frontDoorHasEndpointHostRouteProbeAndEveryOriginWithItsWeight() {
        FrontDoor fd = topology.frontDoor();
        FrontDoorInfo info = inventory.frontDoor();

        assertThat(info.endpointHostName()).isEqualTo("127.0.0.1:18443");
        assertThat(info.routes()).singleElement().satisfies(r -> assertThat(r.originGroupName())
                .isEqualTo(fd.originGroup().name()));
        assertThat(info.originGroup().healthProbe()).isEqualTo(new FrontDoorInfo.HealthProbe(
                "/status-0123456789abcdef", "GET", "Https", 5));
        assertThat(info.originGroup().loadBalancing()).isEqualTo(new FrontDoorInfo.LoadBalancing(4, 3, 50));
        assertThat(info.origins()).hasSize(fd.origins().size());
        for (FrontDoor.Origin o : fd.origins()) {
            assertThat(info.origins()).filteredOn(i -> i.name().equals(o.name())).singleElement().satisfies(i -> {
                assertThat(i.url()).isEqualTo(arm.accountEndpoint(o.account()));
                assertThat(i.priority()).isEqualTo(o.priority());
                assertThat(i.weight()).isEqualTo(o.weight());
                assertThat(i.enabled()).isTrue();
            });
        }
    }

    @Test
    void everyAccountHasItsRegionEndpointAndDeployments() {
        assertThat(inventory.accounts()).extracting(AccountInfo::name)
                .containsExactlyElementsOf(topology.accounts().stream().map(Account::name).toList());
        for (Account a : topology.accounts()) {
            AccountInfo info = inventory.account(a.name()).orElseThrow();
            assertThat(info.kind()).isEqualTo("OpenAI");
            assertThat(info.region()).isEqualTo(a.region());
            assertThat(info.endpoint()).isEqualTo(arm.accountEndpoint(a.name()));
            assertThat(info.resourceId()).isEqualTo(topology.accountResourceId(a.name()));
            assertThat(info.deployments()).containsExactlyElementsOf(a.deployments().stream()
                    .map(d -> new AccountInfo.Deployment(d.id(), d.model(), d.version(), d.sku(), d.tpm() / 1000,
                            d.tpm(), d.rpm() / 6 * 6))
                    .toList());
        }
    }

    @Test
    void everyRoleAssignmentOfTheTopologyIsListedWithItsRoleName() {
        assertThat(inventory.roleAssignments()).containsExactlyInAnyOrderElementsOf(topology.roleAssignments().stream()
                .map(ra -> new RoleAssignmentInfo(topology.identity(ra.principal()).orElseThrow().objectId(),
                        ra.roleDefinitionId(), Roles.nameOf(ra.roleDefinitionId()), topology.resolveScope(ra.scope())))
                .toList());
        String apimPrincipal = inventory.apim().principalId();
        for (Account a : topology.accounts()) {
            assertThat(inventory.assignmentsOf(apimPrincipal))
                    .anySatisfy(ra -> {
                        assertThat(ra.roleDefinitionId()).isEqualTo(Roles.OPENAI_USER);
                        assertThat(ra.appliesTo(topology.accountResourceId(a.name()))).isTrue();
                    });
        }
    }

    @Test
    void targetOfTheTopologyNamesItsParts() {
        InventoryTarget target = InventoryTarget.of(topology);
        Apim apim = topology.apim();

        assertThat(target.apimService()).isEqualTo(apim.name());
        assertThat(target.apiId()).isEqualTo(apim.api().id());
        assertThat(target.originGroup()).isEqualTo("aoai-origins");
        assertThat(target.accounts()).hasSize(topology.accounts().size());
        assertThat(topology.accounts().get(0).deployments()).extracting(Deployment::id).contains("gpt-4o");
    }
}
