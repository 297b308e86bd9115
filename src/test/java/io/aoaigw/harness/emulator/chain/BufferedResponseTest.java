package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import org.junit.jupiter.api.Test;

/**
 * The classic streaming misconfiguration: {@code forward-request buffer-response="true"} makes APIM hold the answer
 * in 8 KB chunks, so a short stream's first token arrives together with its last. Both gateways are measured in the
 * same run, so the comparison is a ratio.
 */
class BufferedResponseTest {
    /** Few enough tokens that the whole stream stays under APIM's 8 KB buffer. */
    private static final int TOKENS = 12;

    @Test
    void bufferingGatewayDeliversTheFirstTokenOnlyWithTheLast() {
        ChainClient.Stream streamed;
        ChainClient.Stream buffered;
        try (EmbeddedTopology healthy = ChainTopologies.start("streaming", yaml -> yaml)) {
            streamed = warmedUp(new ChainClient(healthy)).stream("smoke", TOKENS);
        }
        try (EmbeddedTopology buffering = ChainTopologies.start("buffering", ChainTopologies.replaceOnce(
                "<forward-request buffer-response=\"false\" />", "<forward-request buffer-response=\"true\" />"))) {
            buffered = warmedUp(new ChainClient(buffering)).stream("smoke", TOKENS);
        }

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(buffered.status()).isEqualTo(200);
        assertThat(buffered.frames()).hasSameSizeAs(streamed.frames());
        assertThat(streamed.frames().stream().mapToInt(f -> f.length() + 2).sum()).as("stream bytes")
                .isLessThan(8 * 1024);
        // streamed: the first token at TTFT, long before the end; buffered: all frames arrive at once, at the end
        assertThat(streamed.firstTokenShareOfTotal()).isLessThan(0.7);
        assertThat(buffered.firstTokenShareOfTotal()).isGreaterThan(0.95);
    }

    /** The first call of a fresh topology also fetches APIM's token and the accounts' JWKS: keep that out. */
    private static ChainClient warmedUp(ChainClient client) {
        assertThat(client.chat("smoke", 1).status()).isEqualTo(200);
        return client;
    }
}
