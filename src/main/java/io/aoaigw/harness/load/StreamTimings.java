package io.aoaigw.harness.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The timings of one streamed chat, as topology.md defines them, from its send time and its received frames:
 * time to first event, TTFT (first frame with a non-empty {@code delta.content}), the gaps between consecutive
 * content frames (ITL), TPOT = (end − first token) / (output tokens − 1), end to end (to {@code [DONE]} or the last
 * frame), output tokens (the usage frame's {@code completion_tokens}, else the content frames) and tokens/s.
 */
public record StreamTimings(long firstEventMicros, long ttftMicros, long[] itlMicros, long tpotMicros, long e2eMicros,
                            int outputTokens, boolean done) {
    /** Output tokens per second of this stream, over its whole duration; 0 when it took no time. */
    public double tokensPerSecond() {
        return e2eMicros <= 0 ? 0 : outputTokens * 1_000_000.0 / e2eMicros;
    }

    /** Null when no content frame arrived (nothing to time a token by). */
    public static StreamTimings of(long sentAtMicros, List<StreamFrame> frames) {
        List<Long> content = new ArrayList<>();
        Integer usageTokens = null;
        boolean done = false;
        for (StreamFrame f : frames) {
            if ("[DONE]".equals(f.data().strip())) {
                done = true;
                continue;
            }
            ChunkFacts facts = ChunkFacts.of(f.data());
            if (facts == null) {
                continue;
            }
            if (facts.content()) {
                content.add(f.atMicros());
            }
            if (facts.completionTokens() != null) {
                usageTokens = facts.completionTokens();
            }
        }
        if (frames.isEmpty() || content.isEmpty()) {
            return null;
        }
        long end = frames.get(frames.size() - 1).atMicros();
        long first = content.get(0);
        long[] itl = new long[content.size() - 1];
        for (int i = 1; i < content.size(); i++) {
            itl[i - 1] = content.get(i) - content.get(i - 1);
        }
        int tokens = usageTokens != null ? usageTokens : content.size();
        long tpot = tokens > 1 ? (end - first) / (tokens - 1) : 0;
        return new StreamTimings(frames.get(0).atMicros() - sentAtMicros, first - sentAtMicros, itl, tpot,
                end - sentAtMicros, tokens, done);
    }
}
