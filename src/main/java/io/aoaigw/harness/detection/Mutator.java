package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Applies {@link Mutation}s to a YAML tree in place; a mutation that does not fit the tree fails naming why. */
final class Mutator {
    private Mutator() {
    }

    /** @throws IllegalArgumentException naming the path step or text that does not fit */
    static void apply(ObjectNode root, Mutation m) {
        TreePath path = TreePath.parse(m.path());
        switch (m.operation()) {
            case "set" -> set(root, path, m.value());
            case "remove" -> remove(root, path);
            case "add" -> add(root, path, m.value());
            case "edit" -> edit(root, path, m.replace(), m.with());
            default -> throw new IllegalArgumentException("unknown operation " + m.operation());
        }
    }

    private static void set(ObjectNode root, TreePath path, JsonNode value) {
        JsonNode parent = containerOf(root, path);
        if (path.last() instanceof TreePath.Field f) {
            if (!parent.isObject()) {
                throw new IllegalArgumentException(path.parent() + " is not a mapping");
            }
            ((ObjectNode) parent).set(f.name(), value.deepCopy());
        } else {
            ArrayNode list = list(parent, path);
            list.set(TreePath.indexIn(list, path.last(), path.parent().toString()), value.deepCopy());
        }
    }

    private static void remove(ObjectNode root, TreePath path) {
        JsonNode parent = containerOf(root, path);
        if (path.last() instanceof TreePath.Field f) {
            if (!parent.isObject() || !parent.has(f.name())) {
                throw new IllegalArgumentException("no field '" + f.name() + "' to remove at " + where(path));
            }
            ((ObjectNode) parent).remove(f.name());
        } else {
            ArrayNode list = list(parent, path);
            list.remove(TreePath.indexIn(list, path.last(), where(path)));
        }
    }

    private static void add(ObjectNode root, TreePath path, JsonNode value) {
        JsonNode target = path.resolve(root);
        if (!target.isArray()) {
            throw new IllegalArgumentException(path + " is not a list");
        }
        ((ArrayNode) target).add(value.deepCopy());
    }

    private static void edit(ObjectNode root, TreePath path, String from, String to) {
        JsonNode target = path.resolve(root);
        if (!target.isTextual()) {
            throw new IllegalArgumentException(path + " is not text");
        }
        String text = target.asText();
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' occurs " + (at < 0 ? "nowhere" : "more than once")
                    + " in " + path + " (exactly once expected)");
        }
        set(root, path, TextNode.valueOf(text.substring(0, at) + to + text.substring(at + from.length())));
    }

    private static JsonNode containerOf(ObjectNode root, TreePath path) {
        return path.steps().size() == 1 ? root : path.parent().resolve(root);
    }

    private static ArrayNode list(JsonNode parent, TreePath path) {
        if (!parent.isArray()) {
            throw new IllegalArgumentException(where(path) + " is not a list");
        }
        return (ArrayNode) parent;
    }

    private static String where(TreePath path) {
        return path.steps().size() == 1 ? "the top level" : path.parent().toString();
    }
}
