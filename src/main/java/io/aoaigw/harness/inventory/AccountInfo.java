package io.aoaigw.harness.inventory;

import java.util.List;
import java.util.Optional;

/** An Azure OpenAI account (S8, S10): kind, region, endpoint, ARM id and its model deployments. */
public record AccountInfo(String name, String kind, String region, String endpoint, String resourceId,
                          List<Deployment> deployments) {

    public AccountInfo {
        deployments = List.copyOf(deployments);
    }

    public Optional<Deployment> deployment(String id) {
        return deployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * A deployment: model name and version, sku, capacity (thousands of tokens per minute for the Standard skus,
     * PTUs for the provisioned ones) and the rate limits ARM lists for it, per minute (null when ARM lists none).
     */
    public record Deployment(String id, String model, String version, String sku, Integer capacity,
                             Integer tokensPerMinute, Integer requestsPerMinute) {
    }
}
