package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;
import java.util.List;

/**
 * The deterministic answer to a chat request: the same messages always give the same pieces (one token each, see
 * {@link Vocabulary}); the natural length is drawn from the prompt within the deployment's completion range;
 * {@code max_tokens} below it truncates with {@code finish_reason: length}; a stop sequence cuts the answer before
 * the token in which it starts ({@code finish_reason: stop}), so the text never contains it and its token count
 * stays exact.
 */
record AnswerPlan(int[] pieces, int tokens, String finishReason) {

    static AnswerPlan of(long seed, Deployment.Completion range, Integer maxTokens, List<String> stops) {
        int natural = naturalLength(seed, range);
        int limit = maxTokens == null ? natural : Math.min(natural, maxTokens);
        int[] pieces = Vocabulary.pieces(seed, limit);
        int cut = stopCut(pieces, limit, stops);
        if (cut >= 0) {
            return new AnswerPlan(pieces, cut, "stop");
        }
        return new AnswerPlan(pieces, limit, limit < natural ? "length" : "stop");
    }

    static int naturalLength(long seed, Deployment.Completion range) {
        int span = range.maxTokens() - range.minTokens() + 1;
        return range.minTokens() + (int) Math.floorMod(Long.rotateLeft(seed, 17) * 0x9E3779B97F4A7C15L, span);
    }

    /** FNV-1a over the request's canonical messages: stable across runs, JVMs and accounts. */
    static long seedOf(String canonicalMessages) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < canonicalMessages.length(); i++) {
            hash ^= canonicalMessages.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    String text() {
        return Vocabulary.join(pieces, tokens);
    }

    /** Number of whole pieces before the earliest stop sequence, or -1 when none occurs. */
    private static int stopCut(int[] pieces, int limit, List<String> stops) {
        if (stops.isEmpty()) {
            return -1;
        }
        String text = Vocabulary.join(pieces, limit);
        int earliest = -1;
        for (String stop : stops) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        if (earliest < 0) {
            return -1;
        }
        int end = 0;
        int count = 0;
        while (count < limit && end + Vocabulary.text(pieces[count]).length() <= earliest) {
            end += Vocabulary.text(pieces[count]).length();
            count++;
        }
        return count;
    }
}
