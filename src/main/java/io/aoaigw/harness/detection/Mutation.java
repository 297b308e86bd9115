package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One change to the healthy topology's YAML tree; exactly one of the operations is given:
 * <ul>
 *   <li>{@code set: PATH, value: V} — replaces (or adds) the field or list element at PATH with V (any YAML);</li>
 *   <li>{@code remove: PATH} — removes the field or list element at PATH, which must exist;</li>
 *   <li>{@code add: PATH, value: V} — appends V to the list at PATH;</li>
 *   <li>{@code edit: PATH, replace: OLD, with: NEW} — in the text at PATH (e.g. the policy XML), replaces OLD, which
 *       must occur exactly once, by NEW.</li>
 * </ul>
 * PATH is a {@link TreePath}.
 */
public record Mutation(String set, String remove, String add, String edit, JsonNode value, String replace,
                       String with) {

    /** The operation's name and path; null when the mutation names none or several. */
    String operation() {
        List<String> given = given();
        return given.size() == 1 ? given.get(0) : null;
    }

    String path() {
        return set != null ? set : remove != null ? remove : add != null ? add : edit;
    }

    List<String> given() {
        List<String> ops = new ArrayList<>();
        if (set != null) {
            ops.add("set");
        }
        if (remove != null) {
            ops.add("remove");
        }
        if (add != null) {
            ops.add("add");
        }
        if (edit != null) {
            ops.add("edit");
        }
        return ops;
    }

    @Override
    public String toString() {
        String op = operation();
        if (op == null) {
            return "(invalid mutation)";
        }
        return switch (op) {
            case "set" -> "set " + set + " = " + value;
            case "remove" -> "remove " + remove;
            case "add" -> "add to " + add + ": " + value;
            default -> "edit " + edit + ": '" + replace + "' -> '" + with + "'";
        };
    }
}
