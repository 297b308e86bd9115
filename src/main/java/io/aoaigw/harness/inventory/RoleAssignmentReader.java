package io.aoaigw.harness.inventory;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads role assignments (S4) with the authorization client (api-version 2022-04-01): listed at the resource group,
 * which, as in Azure, also returns those above it (subscription) and below it (each account). Each role's display
 * name comes from its role definition, read once per role.
 */
final class RoleAssignmentReader {
    private final AzureResourceManager azure;
    private final ArmCalls calls;
    private final InventoryTarget target;
    private final Map<String, String> roleNames = new HashMap<>();

    RoleAssignmentReader(AzureResourceManager azure, ArmCalls calls, InventoryTarget target) {
        this.azure = azure;
        this.calls = calls;
        this.target = target;
    }

    List<RoleAssignmentInfo> read() {
        String scope = target.resourceGroupId();
        return calls.read("role assignments at resource group " + target.resourceGroup(), scope,
                () -> azure.accessManagement().roleAssignments().listByScope(scope).stream().map(this::info).toList());
    }

    private RoleAssignmentInfo info(RoleAssignment ra) {
        String definitionId = ra.roleDefinitionId();
        String guid = definitionId.substring(definitionId.lastIndexOf('/') + 1);
        return new RoleAssignmentInfo(ra.principalId(), guid, roleName(definitionId), ra.scope());
    }

    private String roleName(String definitionId) {
        return roleNames.computeIfAbsent(definitionId, id -> calls.read("role definition", id,
                () -> azure.accessManagement().roleDefinitions().getById(id).roleName()));
    }
}
