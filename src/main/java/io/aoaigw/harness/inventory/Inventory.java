package io.aoaigw.harness.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What Azure Resource Manager says the deployment is, read once and immutable: the facts the checks of steps S1–S10
 * compare against. Holds no key, secret or token (subscriptions and accounts are listed without their keys), so it
 * can be printed and reported as is.
 */
public record Inventory(InventoryTarget target, ApimService apim, ApiInfo api, List<ProductInfo> products,
                        List<SubscriptionInfo> subscriptions, FrontDoorInfo frontDoor, List<AccountInfo> accounts,
                        List<RoleAssignmentInfo> roleAssignments) {

    public Inventory {
        products = List.copyOf(products);
        subscriptions = List.copyOf(subscriptions);
        accounts = List.copyOf(accounts);
        roleAssignments = List.copyOf(roleAssignments);
    }

    public Optional<AccountInfo> account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The assignments held by this principal (object id). */
    public List<RoleAssignmentInfo> assignmentsOf(String principalId) {
        return roleAssignments.stream().filter(ra -> ra.principalId().equalsIgnoreCase(principalId)).toList();
    }
}
