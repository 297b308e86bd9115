package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.inventory.BackendInfo;
import io.aoaigw.harness.inventory.SubscriptionInfo;
import java.util.Map;

/**
 * The proofs of {@link MistakeEvidence} for the catalogue's entries about APIM's several APIs, subscription scopes
 * and backend entities: each shows the mistake in the ARM view and in behaviour, and fails on the healthy topology.
 */
final class ApimModelEvidence {
    private static final String EASTUS = "aoai-eastus";
    private static final String WESTEUROPE = "aoai-westeurope";

    private ApimModelEvidence() {
    }

    /** ARM scopes the active key to the Echo API; the OpenAI API refuses it with 401 and the Echo API takes it. */
    static void subscriptionScopedToAnotherApi(BrokenDeployment d) {
        assertThat(d.inventory().subscriptions()).filteredOn(s -> s.name().equals("smoke"))
                .extracting(SubscriptionInfo::scope).singleElement().asString().endsWith("/apis/echo-api");

        BrokenDeployment.Answer openai = d.chat();
        BrokenDeployment.Answer echo = d.post("/echo/resource", "{}", Map.of("Ocp-Apim-Subscription-Key",
                d.subscriptionKey()));

        assertThat(openai.status()).isEqualTo(401);
        assertThat(openai.body()).contains("Access denied due to invalid subscription key");
        assertThat(echo.status()).isEqualTo(200);
        assertThat(d.requestsReachingAccounts()).isZero();
    }

    /** ARM shows the pool's member at the account; with Front Door sending elsewhere, eastus still gets a call. */
    static void poolMemberOutsideFrontDoor(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).contains("backend-id=\"aoai-pool\"");
        assertThat(d.inventory().backend("aoai-pool")).get().satisfies(pool -> assertThat(pool.members()).hasSize(2));
        assertThat(d.inventory().backend("aoai-eastus-direct")).get().extracting(BackendInfo::url).asString()
                .startsWith(d.inventory().account(EASTUS).orElseThrow().endpoint().replaceAll("/$", ""));

        d.routeOnlyTo(WESTEUROPE);
        assertThat(d.chat().status()).isEqualTo(200);
        assertThat(d.chat().status()).isEqualTo(200);

        SeenRequest direct = d.lastRequestAt(EASTUS);
        assertThat(direct.presentHeaders()).doesNotContain("x-azure-fdid");
        assertThat(direct.authKind()).isEqualTo("BEARER");
    }
}
