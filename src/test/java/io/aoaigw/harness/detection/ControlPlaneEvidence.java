package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.inventory.InventoryException;
import java.util.function.Predicate;

/**
 * The proofs of {@link MistakeEvidence} for the catalogue's control-plane entries (routes, capacity, RBAC, named
 * values, api-versions): each shows the mistake in the ARM view and in behaviour, and fails on the healthy topology.
 */
final class ControlPlaneEvidence {
    private static final String EASTUS = "aoai-eastus";
    private static final String WESTEUROPE = "aoai-westeurope";

    private ControlPlaneEvidence() {
    }

    static void capacityUnequal(BrokenDeployment d) {
        assertThat(d.inventory().account(EASTUS).orElseThrow().deployment("gpt-4o").orElseThrow()
                .tokensPerMinute()).isEqualTo(300_000);
        assertThat(d.inventory().account(WESTEUROPE).orElseThrow().deployment("gpt-4o").orElseThrow()
                .tokensPerMinute()).isEqualTo(100_000);
        assertThat(d.inventory().frontDoor().origins()).extracting(FrontDoorInfo.Origin::weight).containsOnly(1000);

        d.routeOnlyTo(EASTUS);
        BrokenDeployment.Answer large = d.chat();
        d.routeOnlyTo(WESTEUROPE);
        BrokenDeployment.Answer small = d.chat();

        assertThat(Integer.parseInt(large.header("x-ratelimit-remaining-tokens"))).isGreaterThan(100_000);
        assertThat(Integer.parseInt(small.header("x-ratelimit-remaining-tokens"))).isLessThan(100_000);
    }

    static void provisionedBesidePaygo(BrokenDeployment d) {
        assertThat(d.inventory().account(EASTUS).orElseThrow().deployment("gpt-4o").orElseThrow().sku())
                .isEqualTo("ProvisionedManaged");
        assertThat(d.inventory().account(WESTEUROPE).orElseThrow().deployment("gpt-4o").orElseThrow().sku())
                .isEqualTo("Standard");
        assertThat(d.inventory().frontDoor().origins()).extracting(FrontDoorInfo.Origin::priority).containsOnly(1);

        d.routeOnlyTo(EASTUS);
        assertThat(d.chat().status()).isEqualTo(200);
    }

    static void readerWithoutReader(BrokenDeployment d) {
        assertThatThrownBy(d::inventory).isInstanceOf(InventoryException.class)
                .hasMessageContaining("AuthorizationFailed")
                .hasMessageContaining("assign it the Reader role on resource group");

        assertThat(d.chat().status()).isEqualTo(200);
    }

    /** ARM shows the route's flaw, and Front Door answers the gateway's chat with its own 404 page. */
    static void noRouteServes(BrokenDeployment d, Predicate<FrontDoorInfo.Route> flaw) {
        assertThat(d.inventory().frontDoor().routes()).hasSize(1).allMatch(flaw);

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("x-azure-ref")).isNotNull();
        assertThat(answer.body()).contains("Our services aren't available right now");
        assertThat(d.requestsReachingAccounts()).isZero();
    }

    static void backendKeyFromNamedValue(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).contains("<value>{{aoai-key}}</value>");

        d.routeOnlyTo(EASTUS);
        BrokenDeployment.Answer own = d.chat();
        d.routeOnlyTo(WESTEUROPE);
        BrokenDeployment.Answer other = d.chat();

        assertThat(own.status()).isEqualTo(200);
        assertThat(d.lastRequestAt(EASTUS).carriedApiKey()).isTrue();
        assertThat(other.status()).isEqualTo(401);
    }

    static void retiredApiVersion(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).contains("<value>2022-03-01-preview</value>");

        BrokenDeployment.Answer answer = d.chat();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("API version not supported");
    }
}
