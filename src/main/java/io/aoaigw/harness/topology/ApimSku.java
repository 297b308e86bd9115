package io.aoaigw.harness.topology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The API Management tiers (ARM's {@code sku.name}). Only Consumption lacks long-running connections (Microsoft's SSE
 * guidance for APIM); its total request duration is capped at 30 s (APIM's limits, Consumption tier).
 */
public enum ApimSku {
    Consumption(30_000), Developer(0), Basic(0), Standard(0), Premium(0), BasicV2(0), StandardV2(0), PremiumV2(0);

    private final long totalRequestLimitMs;

    ApimSku(long totalRequestLimitMs) {
        this.totalRequestLimitMs = totalRequestLimitMs;
    }

    /** The tier's cap on one request's total duration in milliseconds; 0: none. */
    public long totalRequestLimitMs() {
        return totalRequestLimitMs;
    }

    /** Whether the tier keeps a long-running HTTP connection (an SSE stream) open. */
    public boolean longRunningConnections() {
        return this != Consumption;
    }

    /** The tier by its ARM name, ignoring case. */
    public static Optional<ApimSku> of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
