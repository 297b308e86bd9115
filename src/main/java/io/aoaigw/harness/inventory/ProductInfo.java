package io.aoaigw.harness.inventory;

import java.util.List;

/** A product (S7): whether it requires a subscription, its state, and the ids of the APIs it holds. */
public record ProductInfo(String id, String displayName, boolean subscriptionRequired, String state,
                          List<String> apiIds) {

    public ProductInfo {
        apiIds = List.copyOf(apiIds);
    }
}
