package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a topology's YAML tree, in the field-path syntax the validators report ({@code accounts[1].name}),
 * where a list element may also be picked by one of its fields: {@code accounts[name=aoai-westeurope]},
 * {@code roleAssignments[scope=account:aoai-eastus]}. A selector by field must match exactly one element, so an entry
 * keeps meaning the same thing when the healthy topology is reordered.
 */
record TreePath(List<Step> steps) {

    /** One step: a field of a mapping, an element by index, or the single element whose {@code field} is {@code value}. */
    sealed interface Step permits Field, Index, Match {
    }

    record Field(String name) implements Step {
        @Override
        public String toString() {
            return name;
        }
    }

    record Index(int index) implements Step {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    record Match(String field, String value) implements Step {
        @Override
        public String toString() {
            return "[" + field + "=" + value + "]";
        }
    }

    /** @throws IllegalArgumentException naming what is wrong with the path */
    static TreePath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                field(name, steps, text);
                i++;
            } else if (c == '[') {
                if (name.length() > 0) {
                    field(name, steps, text);
                }
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' without ']' in '" + text + "'");
                }
                steps.add(selector(text.substring(i + 1, close), text));
                i = close + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        if (name.length() > 0) {
            field(name, steps, text);
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof Field)) {
            throw new IllegalArgumentException("'" + text + "' must start with a field name");
        }
        return new TreePath(List.copyOf(steps));
    }

    private static void field(StringBuilder name, List<Step> steps, String text) {
        String n = name.toString().trim();
        if (n.isEmpty()) {
            if (!steps.isEmpty() && !(steps.get(steps.size() - 1) instanceof Field)) {
                return; // "a[0].b": the dot after a selector
            }
            throw new IllegalArgumentException("empty field name in '" + text + "'");
        }
        steps.add(new Field(n));
        name.setLength(0);
    }

    private static Step selector(String inside, String text) {
        int eq = inside.indexOf('=');
        if (eq > 0) {
            return new Match(inside.substring(0, eq).trim(), inside.substring(eq + 1).trim());
        }
        try {
            return new Index(Integer.parseInt(inside.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'[" + inside + "]' in '" + text + "' is neither an index nor field=value");
        }
    }

    Step last() {
        return steps.get(steps.size() - 1);
    }

    /** The path without its last step (the container the last step is applied to). */
    TreePath parent() {
        return new TreePath(steps.subList(0, steps.size() - 1));
    }

    /** Walks the tree; fails naming the first step that finds nothing. */
    JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            node = child(node, steps.get(i), i == 0 ? "the top level" : new TreePath(steps.subList(0, i)).toString());
        }
        return node;
    }

    /** The child a step designates in {@code node}; {@code where} names {@code node} in messages. */
    static JsonNode child(JsonNode node, Step step, String where) {
        if (step instanceof Field f) {
            if (!node.isObject() || !node.has(f.name())) {
                throw new IllegalArgumentException("no field '" + f.name() + "' at " + where);
            }
            return node.get(f.name());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " is not a list");
        }
        return node.get(indexIn((ArrayNode) node, step, where));
    }

    /** The index a list selector designates in {@code list}. */
    static int indexIn(ArrayNode list, Step step, String where) {
        if (step instanceof Index ix) {
            if (ix.index() < 0 || ix.index() >= list.size()) {
                throw new IllegalArgumentException(where + " has no element " + ix.index() + " (size " + list.size()
                        + ")");
            }
            return ix.index();
        }
        Match m = (Match) step;
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i).get(m.field());
            if (v != null && v.isValueNode() && v.asText().equals(m.value())) {
                hits.add(i);
            }
        }
        if (hits.size() != 1) {
            throw new IllegalArgumentException(hits.size() + " elements of " + where + " have " + m.field() + "="
                    + m.value() + " (exactly one expected)");
        }
        return hits.get(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step step : steps) {
            sb.append(step instanceof Field && sb.length() > 0 ? "." : "").append(step);
        }
        return sb.toString();
    }
}
