package io.aoaigw.harness.emulator.aoai;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text serialised once with marks where per-answer values go (an answer's id, its time, its token counts):
 * rendering copies the literal parts and the values, instead of building and serialising a tree per answer. A mark
 * is a JSON string value ({@code "@@ID@@"}, quotes included in the text) and a value is any JSON literal, so a
 * number, a string or {@code null} can stand where a mark stood.
 */
final class SplicedJson {
    private final byte[][] literals;
    /** For each gap between two literals, the index of the value that fills it. */
    private final int[] slots;
    private final int literalBytes;

    private SplicedJson(byte[][] literals, int[] slots) {
        this.literals = literals;
        this.slots = slots;
        int size = 0;
        for (byte[] literal : literals) {
            size += literal.length;
        }
        this.literalBytes = size;
    }

    /** A mark as a tree holds it ({@code node.put(field, mark(...))}); its serialised form is quoted. */
    static String mark(String name) {
        return "@@" + name + "@@";
    }

    /**
     * @param text  serialised JSON holding each of {@code marks} (names given to {@link #mark}) any number of times
     * @param marks the names, in the order {@link #render} takes their values
     */
    static SplicedJson of(String text, String... marks) {
        List<byte[]> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            int which = -1;
            for (int m = 0; m < marks.length; m++) {
                int found = text.indexOf('"' + mark(marks[m]) + '"', from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    which = m;
                }
            }
            if (at < 0) {
                literals.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
                break;
            }
            literals.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            slots.add(which);
            from = at + mark(marks[which]).length() + 2;
        }
        return new SplicedJson(literals.toArray(byte[][]::new), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The text with each mark replaced by its value's JSON bytes; a fresh buffer (a written buffer is the socket's). */
    Buffer render(byte[]... values) {
        int size = literalBytes;
        for (int slot : slots) {
            size += values[slot].length;
        }
        Buffer out = Buffer.buffer(size);
        for (int i = 0; i < slots.length; i++) {
            out.appendBytes(literals[i]).appendBytes(values[slots[i]]);
        }
        return out.appendBytes(literals[slots.length]);
    }

    /** A JSON number's bytes. */
    static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON string's bytes (or {@code null}'s), for text that needs no escaping: ids, finish reasons. */
    static byte[] plainString(String value) {
        return (value == null ? "null" : '"' + value + '"').getBytes(StandardCharsets.US_ASCII);
    }
}
