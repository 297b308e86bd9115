package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.emulator.identity.ValidatedToken;
import io.aoaigw.harness.topology.RoleAssignment;
import io.aoaigw.harness.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ARM's role check on reads: the caller's role assignments (the topology's, at or above the scope read) must grant
 * the read action of the resource type, as Azure RBAC does — Reader's {@code *}{@code /read} reads everything under
 * its scope, the Cognitive Services roles only their provider. Refused reads get Azure's 403 AuthorizationFailed body.
 */
final class ArmAuthorizer {
    /** The read action and the scope it is checked at, derived from a request path as ARM does. */
    record Read(String action, String scope) {
    }

    private final Topology topology;

    ArmAuthorizer(Topology topology) {
        this.topology = topology;
    }

    /** Empty when the caller may read {@code path}; paths that name no resource type are left to the router. */
    Optional<ArmError> authorize(ValidatedToken caller, String path) {
        Optional<Read> read = readOf(path);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String scope = read.get().scope().toLowerCase(Locale.ROOT);
        boolean granted = topology.assignmentsOf(caller.objectId()).stream()
                .filter(ra -> covers(topology.resolveScope(ra.scope()).toLowerCase(Locale.ROOT), scope))
                .map(RoleAssignment::roleDefinitionId)
                .anyMatch(role -> RoleCatalog.actions(role).stream().anyMatch(a -> matches(a, read.get().action())));
        return granted ? Optional.empty() : Optional.of(ArmError.authorizationFailed(caller.appId(),
                caller.objectId(), read.get().action(), read.get().scope()));
    }

    private static boolean covers(String assignmentScope, String scope) {
        return scope.equals(assignmentScope) || scope.startsWith(assignmentScope + "/");
    }

    /** An RBAC action pattern ({@code *} any run of characters, case-insensitive) against an action. */
    static boolean matches(String pattern, String action) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return action.matches("(?i)" + regex);
    }

    /**
     * {@code …/providers/NS/type1/name1/type2[/name2]} reads {@code NS/type1/type2/read}; a path ending in a type
     * lists it under its parent scope. Scopes without a provider are resource groups and subscriptions.
     */
    static Optional<Read> readOf(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int at = p.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (at < 0) {
            List<String> s = List.of(p.substring(1).split("/"));
            if (s.size() < 2 || !s.get(0).equalsIgnoreCase("subscriptions")) {
                return Optional.empty();
            }
            if (s.size() == 2) {
                return Optional.of(new Read("Microsoft.Resources/subscriptions/read", p));
            }
            String rg = "/subscriptions/" + s.get(1) + "/resourceGroups/" + (s.size() > 3 ? s.get(3) : "");
            return s.size() == 4 ? Optional.of(new Read("Microsoft.Resources/subscriptions/resourceGroups/read", p))
                    : s.size() == 5 ? Optional.of(new Read("Microsoft.Resources/subscriptions/resourceGroups/resources"
                    + "/read", rg)) : Optional.empty();
        }
        String prefix = p.substring(0, at);
        String[] rest = p.substring(at + "/providers/".length()).split("/");
        if (rest.length < 2 || rest[1].equalsIgnoreCase("roleDefinitions")) {
            // built-in role definitions: who may read them where is unconfirmed, so they are not checked
            return Optional.empty();
        }
        StringBuilder action = new StringBuilder(rest[0]);
        for (int i = 1; i < rest.length; i += 2) {
            action.append('/').append(rest[i]);
        }
        boolean list = rest.length % 2 == 0;
        String scope = !list ? p : rest.length == 2 ? prefix : p.substring(0, p.lastIndexOf('/'));
        return Optional.of(new Read(action + "/read", scope.isEmpty() ? "/" : scope));
    }
}
