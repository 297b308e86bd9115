package io.aoaigw.harness.capacity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well Front Door's weights within one priority follow the capacity behind each origin. Weighted routing gives
 * origin i the share w_i of the traffic; it throttles once the total reaches C_i / w_i, so the priority as a whole
 * carries min_i(C_i / w_i), which is {@link #efficiency()} × ΣC (with c_i = C_i / ΣC: efficiency = min_i(c_i / w_i)).
 * Weights proportional to capacity give 1; equal weights over quotas of 3:1:1 give 0.6.
 *
 * <p>{@link #TOLERANCE}: a fit below 0.9 means the weights alone cost more than a tenth of the quota the priority
 * pays for — twice the ±5 % a capacity run resolves, so a capacity test would measure it — while Front Door's integer
 * weights (1–1000) and Azure's quota steps (1,000 TPM) can always come within it.
 */
public record WeightFit(double efficiency, Map<String, Double> weightShares, Map<String, Double> capacityShares,
                        Map<String, Integer> suggestedWeights) {
    public static final double TOLERANCE = 0.9;
    private static final int MAX_WEIGHT = 1000;

    public WeightFit {
        weightShares = Collections.unmodifiableMap(new LinkedHashMap<>(weightShares));
        capacityShares = Collections.unmodifiableMap(new LinkedHashMap<>(capacityShares));
        suggestedWeights = Collections.unmodifiableMap(new LinkedHashMap<>(suggestedWeights));
    }

    /** Origins in order, each with its weight and capacity (same unit for all; each > 0). */
    public static WeightFit of(Map<String, Integer> weights, Map<String, Double> capacities) {
        if (!weights.keySet().equals(capacities.keySet()) || weights.isEmpty()) {
            throw new IllegalArgumentException("weights and capacities must name the same origins");
        }
        double totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        double totalCapacity = capacities.values().stream().mapToDouble(Double::doubleValue).sum();
        double maxCapacity = capacities.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Map<String, Double> w = new LinkedHashMap<>();
        Map<String, Double> c = new LinkedHashMap<>();
        Map<String, Integer> suggested = new LinkedHashMap<>();
        double efficiency = Double.POSITIVE_INFINITY;
        for (String origin : weights.keySet()) {
            w.put(origin, weights.get(origin) / totalWeight);
            c.put(origin, capacities.get(origin) / totalCapacity);
            efficiency = Math.min(efficiency, c.get(origin) / w.get(origin));
            suggested.put(origin, (int) Math.max(1, Math.round(MAX_WEIGHT * capacities.get(origin) / maxCapacity)));
        }
        return new WeightFit(efficiency, w, c, suggested);
    }

    public boolean withinTolerance() {
        return efficiency >= TOLERANCE;
    }
}
