package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deployment options of the conformance work, read from YAML: rate-limit model, content filter, context window. */
class DeploymentOptionsTest {
    private static final String LINE = "{id: gpt-4o, model: gpt-4o, version: \"2024-08-06\", kind: chat, tpm: 100000, "
            + "completion: {minTokens: 50, maxTokens: 150}}";

    @Test
    void optionsAreReadAndDefaultedAsDocumented() throws Exception {
        Topology t = parse(LINE.replace("}}", "}, contextWindow: 4096, contentFilter: {streaming: chunks, "
                + "chunkTokens: 4}, rateLimit: {tokens: slidingWindow, slidingWindowSeconds: 10, wording: newer, "
                + "retryAfterMs: false}}"));
        Deployment d = t.accounts().get(0).deployment("gpt-4o").orElseThrow();
        assertThat(d.contextWindow()).isEqualTo(4096);
        assertThat(d.contentFilter().tokensPerFrame()).isEqualTo(4);
        assertThat(d.rateLimit()).isEqualTo(new RateLimit(RateLimit.TokenModel.slidingWindow, 10, 10,
                RateLimit.Wording.newer, false));

        Deployment plain = parse(LINE).accounts().get(0).deployment("gpt-4o").orElseThrow();
        assertThat(plain.rateLimit().tokens()).isEqualTo(RateLimit.TokenModel.perMinute);
        assertThat(plain.rateLimit().requestWindowSeconds()).isEqualTo(10);
        assertThat(plain.rateLimit().retryAfterMs()).isTrue();
        assertThat(plain.contentFilter().tokensPerFrame()).isEqualTo(1);
    }

    @Test
    void aRequestWindowAzureDoesNotUseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parse(LINE.replace("}}", "}, rateLimit: {requestWindowSeconds: 5}}")))
                .isInstanceOf(TopologyException.class).hasMessageContaining("rateLimit.requestWindowSeconds");
    }

    private static Topology parse(String deploymentLine) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        String original = "{id: gpt-4o, model: gpt-4o, version: \"2024-08-06\", kind: chat, tpm: 100000, completion: "
                + "{minTokens: 50, maxTokens: 150}}";
        assertThat(yaml).contains(original);
        return TopologyLoader.parse(Path.of("test.yaml"), yaml.replace(original, deploymentLine));
    }
}
