package io.aoaigw.harness.emulator.aoai;

/** Which per-deployment limit refused a request; named by Azure's {@code policy-id} header. */
enum RateLimitPolicy {
    TOKENS("DeploymentRatelimit-Token"),
    REQUESTS("DeploymentRatelimit-Request");

    private final String policyId;

    RateLimitPolicy(String policyId) {
        this.policyId = policyId;
    }

    String policyId() {
        return policyId;
    }
}
