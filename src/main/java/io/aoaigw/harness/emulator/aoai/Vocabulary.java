package io.aoaigw.harness.emulator.aoai;

import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pieces generated answers are made of: common English words with a leading space, and a full stop or comma.
 * Each piece is exactly one token in every encoding the emulator serves, and consecutive pieces never merge under the
 * tokenizers' pre-split rules, so an answer of n pieces is n tokens by jtokkit: one content frame per token, and
 * {@code usage.completion_tokens} equals the recount of the text. Both facts are checked for each encoding a chat
 * deployment uses, before its account serves ({@link #verify}).
 */
final class Vocabulary {
    static final List<String> WORDS = List.of((" the of and to in is that for it as was with be by on not he this"
            + " are or his from at which but have an they you were her she there been one all we their has would"
            + " when if so no will more can out other into could time only new some what about its than them these"
            + " two may first then do any like my now over such our man me even most made after also did many"
            + " before must through back years where much your way well down should because each just those people"
            + " how too little state good very make world still own see men work long here get both between life"
            + " being under never day same another know while last might us great old year off come since against"
            + " go came right used take three").split("(?= )"));
    static final List<String> PUNCTUATION = List.of(".", ",");

    private static final byte[][] WORD_BYTES = bytesOf(WORDS);
    private static final byte[][] PUNCTUATION_BYTES = bytesOf(PUNCTUATION);

    /** Encodings whose check passed; each is checked once, when a chat deployment using it is loaded. */
    private static final Set<EncodingType> VERIFIED = ConcurrentHashMap.newKeySet();

    private Vocabulary() {
    }

    /**
     * Piece {@code i} of a deterministic answer: index {@code >= 0} is a word, {@code < 0} a punctuation mark, so a
     * plan stays a compact {@code int[]}. Punctuation never starts an answer and never follows punctuation.
     */
    static int[] pieces(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pieces = new int[count];
        for (int i = 0; i < count; i++) {
            boolean punctuate = i > 0 && pieces[i - 1] >= 0 && random.nextInt(9) == 0;
            pieces[i] = punctuate ? -1 - random.nextInt(PUNCTUATION.size()) : random.nextInt(WORDS.size());
        }
        return pieces;
    }

    static String text(int piece) {
        return piece >= 0 ? WORDS.get(piece) : PUNCTUATION.get(-1 - piece);
    }

    /** The piece as it appears inside a JSON string (no piece needs escaping), UTF-8. */
    static byte[] jsonBytes(int piece) {
        return piece >= 0 ? WORD_BYTES[piece] : PUNCTUATION_BYTES[-1 - piece];
    }

    static String join(int[] pieces, int count) {
        StringBuilder text = new StringBuilder(count * 6);
        for (int i = 0; i < count; i++) {
            text.append(text(pieces[i]));
        }
        return text.toString();
    }

    private static byte[][] bytesOf(List<String> texts) {
        byte[][] bytes = new byte[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            bytes[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /**
     * Checks that every piece is one token in the tokenizer's encoding and that pieces never merge; throws when not.
     * Loading only the encodings a topology uses halves the tokenizer work of a gpt-4o-only start.
     */
    static void verify(EncodingType type) {
        if (VERIFIED.contains(type)) {
            return;
        }
        ModelTokenizer tokenizer = ModelTokenizer.forModel(type == EncodingType.O200K_BASE ? "gpt-4o" : "gpt-4");
        List<String> offenders = new ArrayList<>();
        for (String piece : concat(WORDS, PUNCTUATION)) {
            if (tokenizer.count(piece) != 1) {
                offenders.add("'" + piece + "'");
            }
        }
        if (!offenders.isEmpty()) {
            throw new IllegalStateException(type.getName() + " splits vocabulary pieces " + offenders);
        }
        int[] sample = pieces(type.ordinal(), 5_000);
        int counted = tokenizer.count(join(sample, sample.length));
        if (counted != sample.length) {
            throw new IllegalStateException(type.getName() + " counts " + counted + " tokens in a sample of "
                    + sample.length + " pieces");
        }
        VERIFIED.add(type);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
