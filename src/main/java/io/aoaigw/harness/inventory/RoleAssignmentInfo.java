package io.aoaigw.harness.inventory;

/**
 * A role assignment (S4): who ({@code principalId}), which role ({@code roleDefinitionId} is the role's GUID, as
 * {@code topology.Roles} spells it; {@code roleName} its display name) and where ({@code scope}, an ARM id).
 */
public record RoleAssignmentInfo(String principalId, String roleDefinitionId, String roleName, String scope) {

    /** True when this assignment applies at {@code resourceId}: assigned at that scope or above it. */
    public boolean appliesTo(String resourceId) {
        String s = scope.toLowerCase();
        String r = resourceId.toLowerCase();
        return r.equals(s) || r.startsWith(s + "/");
    }
}
