package io.aoaigw.harness.inventory;

/** The API Management service (S1), its system-assigned managed identity (S4) and its tier (sku name, S6). */
public record ApimService(String name, String resourceId, String gatewayUrl, boolean identityEnabled,
                          String principalId, String sku) {
}
