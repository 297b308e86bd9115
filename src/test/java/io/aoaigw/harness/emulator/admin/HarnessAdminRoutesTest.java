package io.aoaigw.harness.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.apim.ApimEmulator;
import io.aoaigw.harness.emulator.aoai.GroundTruth;
import io.aoaigw.harness.emulator.frontdoor.ErrorInfo;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routes the harness reads instead of the emulator's objects (detection proofs, the load run's layer truth):
 * each answers what the object itself holds.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class HarnessAdminRoutesTest {
    private static final String ACCOUNT = "aoai-westeurope";

    @Test
    void groundTruthCountsAreTheAccountsOwn(EmbeddedTopology embedded) {
        GroundTruth truth = embedded.account(ACCOUNT).groundTruth();

        JsonNode answer = admin(embedded).get("/admin/accounts/" + ACCOUNT + "/ground-truth");

        assertThat(answer.path("capacity").asInt()).isEqualTo(truth.capacity()).isPositive();
        assertThat(answer.path("total").isIntegralNumber()).isTrue();
        assertThat(answer.path("total").asLong()).isLessThanOrEqualTo(truth.total());
    }

    @Test
    void anUnknownAccountIsA404(EmbeddedTopology embedded) {
        assertThatThrownBy(() -> admin(embedded).get("/admin/accounts/nowhere/ground-truth"))
                .isInstanceOf(AdminClient.AdminException.class).hasMessageContaining("answered 404");
    }

    @Test
    void frontDoorErrorsNameEveryErrorInfoWithItsStatusAndCount(EmbeddedTopology embedded) {
        Map<String, Long> counted = embedded.frontDoor().orElseThrow().stats().errors();

        JsonNode errors = admin(embedded).get("/admin/frontdoor/errors");

        assertThat(errors.size()).isEqualTo(ErrorInfo.values().length);
        for (ErrorInfo info : ErrorInfo.values()) {
            assertThat(errors.path(info.name()).path("status").asInt()).as(info.name()).isEqualTo(info.status());
            assertThat(errors.path(info.name()).path("count").asLong()).as(info.name())
                    .isGreaterThanOrEqualTo(counted.getOrDefault(info.name(), 0L));
        }
        assertThat(errors.path("OriginTimeout").path("status").asInt()).isEqualTo(504);
    }

    @Test
    void theGatewaySaysHowManyRecentRequestsItKeeps(EmbeddedTopology embedded) {
        assertThat(admin(embedded).get("/admin/apim/requests/capacity").path("capacity").asInt())
                .isEqualTo(ApimEmulator.RECENT_REQUESTS);
    }

    private static AdminClient admin(EmbeddedTopology embedded) {
        return new AdminClient(embedded.endpoints().admin().url());
    }
}
