package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.RoleAssignment;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft.Authorization (2022-04-01, the version the SDK's authorization client sends): role assignments listed at
 * a scope and role definitions by id. As in Azure, a list at a scope holds the assignments that apply there (at or
 * above it) and those below it; {@code $filter=atScope()} keeps the first kind, {@code principalId eq '…'} and
 * {@code assignedTo('…')} one principal's. Terms may be joined with {@code and}.
 */
final class AuthorizationResources {
    private static final String PROVIDER = "/providers/Microsoft.Authorization";
    private static final Pattern PRINCIPAL_EQ = Pattern.compile("principalId\\s+eq\\s+'([^']+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNED_TO = Pattern.compile("assignedTo\\('([^']+)'\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT_SCOPE = Pattern.compile("atScope\\(\\)", Pattern.CASE_INSENSITIVE);

    /** One topology assignment as ARM stores it. */
    private record Assignment(String id, String name, String scope, String principalId, String roleId) {
    }

    private final Topology topology;
    private final List<Assignment> assignments;

    AuthorizationResources(Topology topology) {
        this.topology = topology;
        this.assignments = topology.roleAssignments().stream().map(this::stored).toList();
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.AUTHORIZATION;
        routes.get(p, "${SCOPE}" + PROVIDER + "/roleAssignments", this::list)
                .get(p, "${SCOPE}" + PROVIDER + "/roleAssignments/{name}", (ex, m) -> assignments.stream()
                        .filter(a -> a.name().equalsIgnoreCase(m.group("name")) && sameScope(a.scope(), m.group("scope")))
                        .findFirst().map(a -> ArmResult.ok(json(a)))
                        .orElseGet(() -> ArmResult.of(new ArmError(404, "RoleAssignmentNotFound",
                                "The role assignment '" + m.group("name") + "' is not found."))))
                .get(p, "${SCOPE}" + PROVIDER + "/roleDefinitions/{roleId}", this::definition)
                .get(p, PROVIDER + "/roleDefinitions/{roleId}", this::definition);
    }

    private Assignment stored(RoleAssignment ra) {
        String scope = topology.resolveScope(ra.scope());
        String principalId = topology.identity(ra.principal()).map(Identity::objectId).orElseThrow();
        String roleId = ra.roleDefinitionId();
        // deterministic, so ids survive restarts as Azure's do
        String name = UUID.nameUUIDFromBytes((principalId + "|" + roleId + "|" + scope.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Assignment(scope + PROVIDER + "/roleAssignments/" + name, name, scope, principalId, roleId);
    }

    private ArmResult list(ArmExchange ex, Matcher m) {
        String scope = m.group("scope");
        String filter = ex.param("$filter");
        Predicate<Assignment> wanted = a -> appliesAt(a.scope(), scope) || appliesAt(scope, a.scope());
        if (filter != null && !filter.isBlank()) {
            for (String term : filter.trim().split("(?i)\\s+and\\s+")) {
                Predicate<Assignment> condition = condition(term.trim(), scope);
                if (condition == null) {
                    return ArmResult.of(ArmError.badFilter(filter));
                }
                wanted = wanted.and(condition);
            }
        }
        return ex.page(assignments.stream().filter(wanted).map(this::json).toList());
    }

    /** One filter term, or null when it is not one ARM understands for role assignments. */
    private static Predicate<Assignment> condition(String term, String scope) {
        if (AT_SCOPE.matcher(term).matches()) {
            return a -> appliesAt(a.scope(), scope);
        }
        Matcher principal = PRINCIPAL_EQ.matcher(term);
        if (principal.matches() || (principal = ASSIGNED_TO.matcher(term)).matches()) {
            String id = principal.group(1);
            return a -> a.principalId().equalsIgnoreCase(id);
        }
        return null;
    }

    /** True when an assignment at {@code assignmentScope} applies at {@code scope}: same scope or an ancestor. */
    private static boolean appliesAt(String assignmentScope, String scope) {
        String a = assignmentScope.toLowerCase(Locale.ROOT);
        String s = scope.toLowerCase(Locale.ROOT);
        return s.equals(a) || s.startsWith(a + "/");
    }

    private static boolean sameScope(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private JsonObject json(Assignment a) {
        return resource(a.id(), a.name(), "Microsoft.Authorization/roleAssignments")
                .put("properties", new JsonObject()
                        .put("roleDefinitionId", subscriptionId() + PROVIDER + "/roleDefinitions/" + a.roleId())
                        .put("principalId", a.principalId())
                        .put("principalType", "ServicePrincipal")
                        .put("scope", a.scope())
                        // no condition: the 2022-04-01 spec types condition/conditionVersion as strings, never null
                        .put("createdOn", "2024-01-01T00:00:00.0000000Z")
                        .put("updatedOn", "2024-01-01T00:00:00.0000000Z"));
    }

    private ArmResult definition(ArmExchange ex, Matcher m) {
        String roleId = m.group("roleId");
        String scope = ArmRoutes.group(m, "scope");
        return RoleCatalog.definition(roleId, scope == null ? subscriptionId() : scope)
                .map(ArmResult::ok).orElseGet(() -> ArmResult.of(RoleCatalog.notFound(roleId)));
    }

    private String subscriptionId() {
        return "/subscriptions/" + topology.subscriptionId();
    }
}
