package io.aoaigw.harness.topology;

import java.util.List;
import java.util.Optional;

/**
 * The whole deployment of topology.md as one immutable model: the emulator serves it, ARM describes it, and the
 * checks compare against it. Loaded and validated by {@link TopologyLoader}.
 */
public record Topology(
        String name,
        String subscriptionId,
        String resourceGroup,
        String tenantId,
        List<Identity> identities,
        List<RoleAssignment> roleAssignments,
        Apim apim,
        FrontDoor frontDoor,
        List<Account> accounts,
        Transport transport) {

    /** How the gateway, the Front Door endpoint and the accounts speak: HTTPS as in Azure (default), or plain HTTP. */
    public enum Transport { https, http }

    public Topology {
        transport = Defaults.or(transport, Transport.https);
        identities = Defaults.list(identities);
        roleAssignments = Defaults.list(roleAssignments);
        accounts = Defaults.list(accounts);
    }

    /** The same deployment spoken over {@code value}. */
    public Topology withTransport(Transport value) {
        return new Topology(name, subscriptionId, resourceGroup, tenantId, identities, roleAssignments, apim, frontDoor,
                accounts, value);
    }

    public Optional<Account> account(String accountName) {
        return accounts.stream().filter(a -> a.name().equals(accountName)).findFirst();
    }

    public Optional<Identity> identity(String identityName) {
        return identities.stream().filter(i -> i.name().equals(identityName)).findFirst();
    }

    /** The ARM id of the resource group every resource of this topology lives in. */
    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    public String accountResourceId(String accountName) {
        return resourceGroupId() + "/providers/Microsoft.CognitiveServices/accounts/" + accountName;
    }

    /** Role assignments held by the identity with this object id, resolved to ARM scopes. */
    public List<RoleAssignment> assignmentsOf(String objectId) {
        return roleAssignments.stream()
                .filter(ra -> identity(ra.principal()).map(Identity::objectId).filter(objectId::equals).isPresent())
                .toList();
    }

    /** Resolves the short scope forms of the YAML ({@code account:NAME}, {@code resourceGroup}, ...) to ARM ids. */
    public String resolveScope(String scope) {
        if (scope.startsWith("/")) {
            return scope;
        }
        if (scope.equals("subscription")) {
            return "/subscriptions/" + subscriptionId;
        }
        if (scope.equals("resourceGroup")) {
            return resourceGroupId();
        }
        if (scope.startsWith("account:")) {
            return accountResourceId(scope.substring("account:".length()));
        }
        throw new IllegalArgumentException("unknown scope form: " + scope);
    }

    /** True when this object id holds a role granting Azure OpenAI inference at (or above) the account's scope. */
    public boolean mayCallInference(String objectId, String accountName) {
        String accountId = accountResourceId(accountName).toLowerCase();
        return assignmentsOf(objectId).stream()
                .filter(ra -> Roles.grantsInference(ra.roleDefinitionId()))
                .map(ra -> resolveScope(ra.scope()).toLowerCase())
                .anyMatch(scope -> accountId.equals(scope) || accountId.startsWith(scope + "/"));
    }
}
