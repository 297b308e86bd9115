package io.aoaigw.harness.topology;

/**
 * A role assignment: {@code principal} names an {@link Identity}; {@code role} is a built-in role's display name or
 * id; {@code scope} is an ARM id or a short form ({@code subscription}, {@code resourceGroup}, {@code account:NAME}).
 */
public record RoleAssignment(String principal, String role, String scope) {

    public String roleDefinitionId() {
        return Roles.idOf(role).orElse(role);
    }
}
