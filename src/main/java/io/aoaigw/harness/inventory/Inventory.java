package io.aoaigw.harness.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What Azure Resource Manager says the deployment is, read once and immutable (with the APIM service's APIs and
 * backend entities): the facts the checks of steps S1–S10
 * compare against. Holds no key, secret or token (subscriptions and accounts are listed without their keys), so it
 * can be printed and reported as is.
 */
public record Inventory(InventoryTarget target, ApimService apim, ApiInfo api, List<ProductInfo> products,
                        List<SubscriptionInfo> subscriptions, FrontDoorInfo frontDoor, List<AccountInfo> accounts,
                        List<RoleAssignmentInfo> roleAssignments, List<ApiSummary> apis, List<BackendInfo> backends) {

    public Inventory {
        apis = List.copyOf(apis);
        backends = List.copyOf(backends);
        products = List.copyOf(products);
        subscriptions = List.copyOf(subscriptions);
        accounts = List.copyOf(accounts);
        roleAssignments = List.copyOf(roleAssignments);
    }

    /** Without the service's API list and backend entities (no APIM). */
    public Inventory(InventoryTarget target, ApimService apim, ApiInfo api, List<ProductInfo> products,
                     List<SubscriptionInfo> subscriptions, FrontDoorInfo frontDoor, List<AccountInfo> accounts,
                     List<RoleAssignmentInfo> roleAssignments) {
        this(target, apim, api, products, subscriptions, frontDoor, accounts, roleAssignments, List.of(), List.of());
    }

    public Optional<BackendInfo> backend(String id) {
        return backends.stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<AccountInfo> account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The assignments held by this principal (object id). */
    public List<RoleAssignmentInfo> assignmentsOf(String principalId) {
        return roleAssignments.stream().filter(ra -> ra.principalId().equalsIgnoreCase(principalId)).toList();
    }
}
