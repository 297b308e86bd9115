package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTimingsTest {

    @Test
    void timingsFollowTheDefinitions() {
        List<StreamFrame> frames = List.of(
                new StreamFrame(1_010, "{\"choices\":[],\"prompt_filter_results\":[]}"),
                new StreamFrame(1_020, "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"),
                new StreamFrame(1_200, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}"),
                new StreamFrame(1_220, "{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}"),
                new StreamFrame(1_250, "{\"choices\":[{\"delta\":{\"content\":\"c\"}}]}"),
                new StreamFrame(1_260, "{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}"),
                new StreamFrame(1_300, "{\"choices\":[],\"usage\":{\"completion_tokens\":3}}"),
                new StreamFrame(1_300, "[DONE]"));

        StreamTimings t = StreamTimings.of(1_000, frames);

        assertThat(t.firstEventMicros()).isEqualTo(10);
        assertThat(t.ttftMicros()).as("the role frame's empty content is not a token").isEqualTo(200);
        assertThat(t.itlMicros()).containsExactly(20, 30);
        assertThat(t.tpotMicros()).isEqualTo((1_300 - 1_200) / 2);
        assertThat(t.e2eMicros()).isEqualTo(300);
        assertThat(t.outputTokens()).isEqualTo(3);
        assertThat(t.done()).isTrue();
        assertThat(t.tokensPerSecond()).isEqualTo(10_000.0);
    }

    @Test
    void noContentMeansNoTimings() {
        assertThat(StreamTimings.of(0, List.of(new StreamFrame(5, "{\"choices\":[]}")))).isNull();
    }

    @Test
    void retryAdvicePrefersMillisecondsAndRoundsUp() {
        assertThat(RetryAdvice.millis("1500", "2").getAsLong()).isEqualTo(1500);
        assertThat(RetryAdvice.millis(null, "2").getAsLong()).isEqualTo(2000);
        assertThat(RetryAdvice.millis("12.2", null).getAsLong()).isEqualTo(13);
        assertThat(RetryAdvice.millis("soon", "Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    }

    @Test
    void originSharesFollowWeightsWithinTheTolerance() {
        var expected = java.util.Map.of("a", 0.5, "b", 0.5);
        assertThat(OriginShares.check(expected, java.util.Map.of("a", 520L, "b", 480L), 4)).isEmpty();
        assertThat(OriginShares.check(expected, java.util.Map.of("a", 700L, "b", 300L), 4)).hasSize(2);
        assertThat(OriginShares.check(expected, java.util.Map.of("a", 500L, "b", 499L, "c", 1L), 4))
                .singleElement().asString().contains("does not route to");
    }
}
