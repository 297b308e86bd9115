package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.inventory.DiagnosticInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.topology.BufferingPolicies;

/**
 * The proofs of {@link MistakeEvidence} for what holds or cuts a stream (body logging, buffering policies, the tier)
 * and for a route to another origin group: each in the ARM view and in behaviour, failing on the healthy topology.
 */
final class StreamingEvidence {
    private StreamingEvidence() {
    }

    static void logsResponseBodies(BrokenDeployment d) {
        assertThat(d.diagnostics()).anyMatch(DiagnosticInfo::logsResponseBodies);
        firstTokenAfterTheLast(d);
    }

    static void validatesTheResponse(BrokenDeployment d) {
        assertThat(BufferingPolicies.in(d.inventory().api().policyXml()))
                .contains(BufferingPolicies.Finding.VALIDATE_CONTENT_ON_RESPONSE);
        firstTokenAfterTheLast(d);
    }

    /** The tier shows in ARM; its 30 s cut is longer than a proof may wait (ResponseHoldingTest shows the cut). */
    static void consumptionTier(BrokenDeployment d) {
        assertThat(d.inventory().apim().sku()).isEqualTo("Consumption");
        assertThat(d.stream(12).status()).isEqualTo(200);
    }

    /** ARM shows the route to the other group, and Front Door answers the gateway's chat with its 503 page. */
    static void routeToAnotherGroup(BrokenDeployment d) {
        FrontDoorInfo fd = d.inventory().frontDoor();
        assertThat(fd.originGroupNames()).contains("web-origins");
        assertThat(fd.routes()).singleElement().extracting(FrontDoorInfo.Route::originGroupName)
                .isEqualTo("web-origins");

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("x-azure-ref")).isNotNull();
        assertThat(d.requestsReachingAccounts()).isZero();
    }

    /** Causal, not a speed figure: a streamed chat's first token reached the client only after the account's last. */
    static void firstTokenAfterTheLast(BrokenDeployment d) {
        assertThat(d.chat().status()).isEqualTo(200); // token and JWKS fetched: the stream below is the only traffic

        BrokenDeployment.Answer answer = d.stream(12);

        assertThat(answer.status()).isEqualTo(200);
        SeenRequest written = d.lastRequestAt(MistakeEvidence.regionAccount(d, answer));
        long[] content = written.contentFrameEpochMicros();
        assertThat(content).hasSizeGreaterThan(1);
        assertThat(answer.firstContentEpochMicros()).isGreaterThanOrEqualTo(content[content.length - 1]);
    }
}
