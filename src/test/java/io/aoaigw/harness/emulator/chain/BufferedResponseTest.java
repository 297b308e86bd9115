package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import org.junit.jupiter.api.Test;

/**
 * The classic streaming misconfiguration: {@code forward-request buffer-response="true"} makes the first token
 * arrive together with the last. Both gateways are measured in the same run, so the comparison is a ratio.
 */
class BufferedResponseTest {
    private static final int TOKENS = 40;

    @Test
    void bufferingGatewayDeliversTheFirstTokenOnlyWithTheLast() {
        ChainClient.Stream streamed;
        ChainClient.Stream buffered;
        try (EmbeddedTopology healthy = ChainTopologies.start("streaming", yaml -> yaml)) {
            streamed = new ChainClient(healthy).stream("smoke", TOKENS);
        }
        try (EmbeddedTopology buffering = ChainTopologies.start("buffering", ChainTopologies.replaceOnce(
                "<forward-request buffer-response=\"false\" />", "<forward-request buffer-response=\"true\" />"))) {
            buffered = new ChainClient(buffering).stream("smoke", TOKENS);
        }

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(buffered.status()).isEqualTo(200);
        assertThat(buffered.frames()).hasSameSizeAs(streamed.frames());
        // streamed: the first token at TTFT, long before the end; buffered: all frames arrive at once, at the end
        assertThat(streamed.firstTokenShareOfTotal()).isLessThan(0.5);
        assertThat(buffered.firstTokenShareOfTotal()).isGreaterThan(0.9);
    }
}
