package io.aoaigw.harness.inventory;

/**
 * An APIM subscription (S7): name, scope (the ARM id of a product, an API, or {@code …/apis} for all) and state.
 * Keys are deliberately absent: reading them takes a POST, which the inventory never sends.
 */
public record SubscriptionInfo(String name, String scope, String state) {
}
