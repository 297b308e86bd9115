package io.aoaigw.harness.emulator.aoai;

/**
 * Which per-deployment limit refused a request; named by Azure's {@code policy-id} header (the request-rate name as
 * recorded live: {@code DeploymentRatelimit-Call}).
 */
enum RateLimitPolicy {
    TOKENS("DeploymentRatelimit-Token"),
    REQUESTS("DeploymentRatelimit-Call");

    private final String policyId;

    RateLimitPolicy(String policyId) {
        this.policyId = policyId;
    }

    String policyId() {
        return policyId;
    }
}
