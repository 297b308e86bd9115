package io.aoaigw.harness.topology;

import java.util.Locale;
import java.util.Map;

/**
 * What one provisioned throughput unit (PTU) buys per model, as Microsoft's sizing table publishes it ("How much
 * throughput per PTU you get for each model",
 * https://learn.microsoft.com/azure/ai-foundry/openai/how-to/provisioned-throughput-onboarding):
 * input tokens per minute per PTU, and how many input tokens one output token counts as toward utilisation (the
 * global standard output-to-input price ratio). Read by the account emulator (admission by utilisation) and by the
 * capacity figures (the binding limit of a PTU origin).
 */
public final class ProvisionedThroughput {

    /** Input TPM per PTU and the output token's weight, for one model. */
    public record Rate(int inputTpmPerPtu, int outputWeight) {
    }

    private static final Map<String, Rate> RATES = Map.ofEntries(
            Map.entry("gpt-4o", new Rate(2_500, 4)),
            Map.entry("gpt-4o-mini", new Rate(37_000, 4)),
            Map.entry("gpt-4.1", new Rate(3_000, 4)),
            Map.entry("gpt-4.1-mini", new Rate(14_900, 4)),
            Map.entry("gpt-4.1-nano", new Rate(59_400, 4)),
            Map.entry("o1", new Rate(230, 4)),
            Map.entry("o3", new Rate(3_000, 4)),
            Map.entry("o3-mini", new Rate(2_500, 4)),
            Map.entry("o4-mini", new Rate(5_400, 4)),
            Map.entry("gpt-5", new Rate(4_750, 8)),
            Map.entry("gpt-5-mini", new Rate(23_750, 8)));

    private ProvisionedThroughput() {
    }

    /** ProvisionedManaged, GlobalProvisionedManaged, DataZoneProvisionedManaged (any sku naming provisioned). */
    public static boolean isProvisioned(String sku) {
        return sku != null && sku.toLowerCase(Locale.ROOT).contains("provisioned");
    }

    /** The published rate of a model, or null when Microsoft's table has none for it. */
    public static Rate rateOf(String model) {
        return model == null ? null : RATES.get(model.toLowerCase(Locale.ROOT));
    }

    /** Input-token equivalents per minute that {@code ptu} units of {@code model} drain; 0 for an unknown model. */
    public static long tokensPerMinute(String model, int ptu) {
        Rate rate = rateOf(model);
        return rate == null ? 0 : (long) rate.inputTpmPerPtu() * ptu;
    }
}
