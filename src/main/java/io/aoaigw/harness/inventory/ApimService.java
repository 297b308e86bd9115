package io.aoaigw.harness.inventory;

/** The API Management service (S1) and its system-assigned managed identity (S4). */
public record ApimService(String name, String resourceId, String gatewayUrl, boolean identityEnabled,
                          String principalId) {
}
