package io.aoaigw.harness.inventory;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Topology;
import java.util.List;

/**
 * What to read: where the deployment lives and the names of its parts. For a real deployment these come from its
 * target file; for the embedded one, {@link #of(Topology)}.
 */
public record InventoryTarget(String subscriptionId, String resourceGroup, String apimService, String apiId,
                              String frontDoorProfile, String frontDoorEndpoint, String originGroup,
                              List<String> accounts) {

    public InventoryTarget {
        accounts = List.copyOf(accounts);
    }

    public static InventoryTarget of(Topology t) {
        return new InventoryTarget(t.subscriptionId(), t.resourceGroup(),
                t.apim() == null ? null : t.apim().name(),
                t.apim() == null || t.apim().api() == null ? null : t.apim().api().id(),
                t.frontDoor() == null ? null : t.frontDoor().profile(),
                t.frontDoor() == null ? null : t.frontDoor().endpoint(),
                t.frontDoor() == null ? null : t.frontDoor().originGroup().name(),
                t.accounts().stream().map(Account::name).toList());
    }

    public InventoryTarget withApimService(String name) {
        return new InventoryTarget(subscriptionId, resourceGroup, name, apiId, frontDoorProfile, frontDoorEndpoint,
                originGroup, accounts);
    }

    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    /** "in resource group R (subscription S)": where a missing resource was looked for. */
    String where() {
        return "in resource group " + resourceGroup + " (subscription " + subscriptionId + ")";
    }
}
