package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code figures.layers}: the per-layer counters of a summary nested by the dots of their names
 * ({@code layer.account.byOrigin.eastus.throttled429} → {@code account.byOrigin.eastus.throttled429}), with each
 * layer's retry compliance (the share of retries after its 429s that waited at least the advice).
 */
final class LayerFigures {
    private LayerFigures() {
    }

    static ObjectNode of(LoadSummary s) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        synchronized (s) {
            s.counters.forEach((name, value) -> {
                if (name.startsWith(LoadSummary.LAYER_PREFIX)) {
                    put(out, name.substring(LoadSummary.LAYER_PREFIX.length()).split("\\."), value);
                }
            });
        }
        out.properties().forEach(e -> {
            ObjectNode layer = (ObjectNode) e.getValue();
            long retries = layer.path(LoadSummary.RETRIES).asLong();
            long early = layer.path(LoadSummary.EARLY_RETRIES).asLong();
            if (retries > 0) {
                layer.put("adviceCompliancePercent", 100.0 * (retries - early) / retries);
            }
        });
        return out;
    }

    private static void put(ObjectNode root, String[] path, long value) {
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) && node.get(path[i]).isObject() ? (ObjectNode) node.get(path[i])
                    : node.putObject(path[i]);
        }
        node.put(path[path.length - 1], value);
    }
}
