package io.aoaigw.harness.capacity;

import java.util.Locale;

/**
 * How much one deployment carries, in the unit its sku is sold in: tokens per minute for the pay-as-you-go skus
 * (Standard, GlobalStandard, DataZoneStandard: ARM's capacity counts thousands of TPM), PTUs for the provisioned ones
 * (ProvisionedManaged, GlobalProvisionedManaged, DataZoneProvisionedManaged). Two capacities compare only in the
 * same unit: a PTU has no fixed TPM (Microsoft's throughput per PTU depends on model and prompt shape).
 */
public record DeploymentCapacity(String sku, Unit unit, double amount) {

    public enum Unit { TPM, PTU }

    /**
     * From ARM's view of a deployment: the token rate limit it lists when there is one, else the sku's capacity;
     * null when neither is known.
     */
    public static DeploymentCapacity of(String sku, Integer capacity, Integer tokensPerMinute) {
        Unit unit = unitOf(sku);
        if (unit == Unit.TPM && tokensPerMinute != null) {
            return new DeploymentCapacity(sku, unit, tokensPerMinute);
        }
        if (capacity == null) {
            return null;
        }
        return new DeploymentCapacity(sku, unit, unit == Unit.TPM ? capacity * 1000.0 : capacity);
    }

    public static Unit unitOf(String sku) {
        return sku != null && sku.toLowerCase(Locale.ROOT).contains("provisioned") ? Unit.PTU : Unit.TPM;
    }

    @Override
    public String toString() {
        return unit == Unit.TPM ? String.format("%s %,.0f TPM", sku, amount) : String.format("%s %.0f PTU", sku, amount);
    }
}
