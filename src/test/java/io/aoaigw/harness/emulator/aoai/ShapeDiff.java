package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two JSON documents by shape only: the same keys with the same value types, recursively; values are free.
 * An array's shape is its first element's (both empty, or both non-empty). Each difference is one line
 * {@code <prefix>: <path>: <what>}, with paths like {@code $.choices[].delta.role}, so that the list of deliberate
 * differences can match them.
 */
final class ShapeDiff {
    private ShapeDiff() {
    }

    static void compare(String prefix, JsonNode recorded, JsonNode emulated, List<String> out) {
        compare(prefix, "$", recorded, emulated, out);
    }

    private static void compare(String prefix, String path, JsonNode recorded, JsonNode emulated, List<String> out) {
        String recordedType = type(recorded);
        String emulatedType = type(emulated);
        if (!recordedType.equals(emulatedType)) {
            out.add(prefix + ": " + path + ": type recorded " + recordedType + ", emulated " + emulatedType);
            return;
        }
        if (recorded.isObject()) {
            for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!emulated.has(key)) {
                    out.add(prefix + ": " + path + "." + key + ": missing");
                } else {
                    compare(prefix, path + "." + key, recorded.get(key), emulated.get(key), out);
                }
            }
            for (Iterator<String> it = emulated.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!recorded.has(key)) {
                    out.add(prefix + ": " + path + "." + key + ": extra");
                }
            }
        } else if (recorded.isArray()) {
            if (recorded.isEmpty() != emulated.isEmpty()) {
                out.add(prefix + ": " + path + ": " + (recorded.isEmpty() ? "empty" : "non-empty")
                        + " recorded, " + (emulated.isEmpty() ? "empty" : "non-empty") + " emulated");
            } else if (!recorded.isEmpty()) {
                compare(prefix, path + "[]", recorded.get(0), emulated.get(0), out);
            }
        }
    }

    /** object, array, string, number, boolean or null: the JSON type, integers and fractions alike. */
    static String type(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
