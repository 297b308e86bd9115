package io.aoaigw.harness.spec.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of an answer without its null-valued properties: Azure's services write an optional property they have
 * no value for as {@code null} (e.g. a role assignment's {@code condition}) where the specs say nothing of null,
 * and the SDKs read it as absent. Used only when judging a real deployment leniently.
 */
final class NullsAsAbsent {
    private NullsAsAbsent() {
    }

    static JsonNode strip(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    removeNulls(field.getValue());
                }
            }
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(NullsAsAbsent::removeNulls);
        }
    }
}
