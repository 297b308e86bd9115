package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.emulator.apim.ApimRequestRecord;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What else holds or cuts a stream at APIM (Microsoft's SSE guidance): body logging, validate-content on the response,
 * the idle timeout and the Consumption tier's total limit. Judged causally against the account's ground truth (the
 * first token reached the client before or after the account wrote the last one) and by frames, never by durations.
 */
class ResponseHoldingTest {
    private static final String SKU = "  sku: Developer\n";
    /** Slower tokens: a stream of 50–60 tokens (the default answer lengths capped at 60) lasts over two seconds. */
    private static final UnaryOperator<String> SLOW_TOKENS = yaml -> yaml.replaceAll("interTokenMs: 2\\d",
            "interTokenMs: 40");

    @Test
    void responseBodyLoggingHoldsTheStreamWholeWhileTheHealthyGatewayPassesItOn() {
        HeldStream paced;
        HeldStream held;
        try (EmbeddedTopology healthy = ChainTopologies.start("holding-none", yaml -> yaml)) {
            paced = warm(healthy);
        }
        try (EmbeddedTopology logging = ChainTopologies.start("holding-logging", apim(
                "  diagnostics:\n    - {logger: azuremonitor, frontend: {responseBodyBytes: 1024}}\n"))) {
            held = warm(logging);
        }

        assertThat(paced.complete()).isTrue();
        assertThat(held.complete()).isTrue();
        assertThat(held.frames()).hasSameSizeAs(paced.frames());
        assertThat(paced.heldWhole()).as("healthy: the first token arrives while the account still writes").isFalse();
        assertThat(held.heldWhole()).as("logging response bodies: the first token arrives after the last").isTrue();
    }

    @Test
    void validateContentOnTheResponseHoldsItButAnApisOwnDiagnosticWithoutBodiesLiftsTheGlobalOne() {
        HeldStream validated;
        HeldStream overridden;
        try (EmbeddedTopology t = ChainTopologies.start("holding-validate", ChainTopologies.replaceOnce(
                "<outbound>\n          <base />", "<outbound>\n          <base />\n          <validate-content "
                        + "unspecified-content-type-action=\"ignore\" max-size=\"102400\" size-exceeded-action="
                        + "\"ignore\" />"))) {
            validated = warm(t);
        }
        try (EmbeddedTopology t = ChainTopologies.start("holding-override", apim("  diagnostics:\n"
                + "    - {logger: applicationinsights, backend: {responseBodyBytes: 8192}}\n"
                + "    - {logger: applicationinsights, api: azure-openai}\n"))) {
            overridden = warm(t);
        }

        assertThat(validated.complete()).isTrue();
        assertThat(validated.heldWhole()).isTrue();
        assertThat(overridden.complete()).isTrue();
        assertThat(overridden.heldWhole()).isFalse();
    }

    @Test
    void theIdleTimeoutCutsAHeldStreamButNotAPacedOne() {
        String idle = "  timeouts: {idleMs: 1000}\n";
        HeldStream paced;
        HeldStream held;
        List<ApimRequestRecord> heldRecords;
        try (EmbeddedTopology t = ChainTopologies.start("idle-paced", compose(SLOW_TOKENS, apim(idle)))) {
            paced = warm(t);
        }
        try (EmbeddedTopology t = ChainTopologies.start("idle-held", compose(SLOW_TOKENS, apim(idle
                + "  diagnostics:\n    - {logger: azuremonitor, frontend: {responseBodyBytes: 8192}}\n")))) {
            held = warm(t);
            heldRecords = t.apim().orElseThrow().recentRequests();
        }

        assertThat(paced.complete()).isTrue();
        assertThat(held.complete()).isFalse();
        assertThat(held.frames()).as("nothing was released before the cut").isEmpty();
        assertThat(held.served().outcome()).isEqualTo(RequestRecord.Outcome.CLIENT_DISCONNECTED);
        assertThat(heldRecords.get(heldRecords.size() - 1).outcome()).isEqualTo(ApimRequestRecord.Ending.cutByLimit);
    }

    @Test
    void theConsumptionTiersTotalLimitCutsALongStreamMidway() {
        HeldStream cut;
        try (EmbeddedTopology t = ChainTopologies.start("consumption-cut", compose(SLOW_TOKENS, yaml -> yaml.replace(
                SKU, "  sku: Consumption\n  timeouts: {totalRequestMs: 1500}\n")))) {
            cut = warm(t);
        }

        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.frames()).as("frames came before the cut").isNotEmpty();
        assertThat(cut.served().outcome()).isEqualTo(RequestRecord.Outcome.CLIENT_DISCONNECTED);
        assertThat(cut.served().contentFrameEpochMicros().length).as("the account stopped early")
                .isLessThan(50);
    }

    /** A first chat fetches APIM's token and the accounts' JWKS, so the stream measured is the only traffic. */
    private static HeldStream warm(EmbeddedTopology t) {
        assertThat(new ChainClient(t).chat("smoke", 1).status()).isEqualTo(200);
        return HeldStream.of(t, "smoke", 60);
    }

    private static UnaryOperator<String> apim(String lines) {
        return ChainTopologies.replaceOnce(SKU, SKU + lines);
    }

    private static UnaryOperator<String> compose(UnaryOperator<String> a, UnaryOperator<String> b) {
        return yaml -> b.apply(a.apply(yaml));
    }
}
