package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.topology.Roles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in role definitions the topology can assign, with the permissions Azure publishes for them (abridged to
 * what decides the checks: Reader reads everything, the Cognitive Services roles grant the OpenAI data actions).
 */
final class RoleCatalog {
    private record Role(String description, List<String> actions, List<String> dataActions) {
    }

    private static final Map<String, Role> ROLES = Map.of(
            Roles.READER, new Role("View all resources, but does not allow you to make any changes.",
                    List.of("*/read"), List.of()),
            Roles.OPENAI_USER, new Role("Ability to view files, models, deployments. Readers can't make any changes"
                    + " They can inference and create images",
                    List.of("Microsoft.CognitiveServices/*/read", "Microsoft.Authorization/roleAssignments/read",
                            "Microsoft.Authorization/roleDefinitions/read"),
                    List.of("Microsoft.CognitiveServices/accounts/OpenAI/*/read",
                            "Microsoft.CognitiveServices/accounts/OpenAI/engines/completions/action",
                            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action",
                            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action")),
            Roles.OPENAI_CONTRIBUTOR, new Role("Full access including the ability to fine-tune, deploy and generate"
                    + " text", List.of("Microsoft.CognitiveServices/*/read",
                            "Microsoft.CognitiveServices/accounts/deployments/*"),
                    List.of("Microsoft.CognitiveServices/accounts/OpenAI/*")),
            Roles.COGNITIVE_SERVICES_USER, new Role("Lets you read and list keys of Cognitive Services.",
                    List.of("Microsoft.CognitiveServices/*/read", "Microsoft.CognitiveServices/accounts/listkeys/action"),
                    List.of("Microsoft.CognitiveServices/*")),
            Roles.COGNITIVE_SERVICES_CONTRIBUTOR, new Role("Lets you create, read, update, delete and manage keys of"
                    + " Cognitive Services.", List.of("Microsoft.Authorization/*/read", "Microsoft.CognitiveServices/*",
                            "Microsoft.Resources/subscriptions/resourceGroups/read"),
                    List.of()));

    private RoleCatalog() {
    }

    /** The role definition as ARM answers it at {@code scopeId} (e.g. the subscription); empty for unknown ids. */
    static Optional<JsonObject> definition(String roleId, String scopeId) {
        String id = roleId.toLowerCase();
        return Optional.ofNullable(ROLES.get(id)).map(role -> ArmExchange.resource(
                        scopeId + "/providers/Microsoft.Authorization/roleDefinitions/" + id, id,
                        "Microsoft.Authorization/roleDefinitions")
                .put("properties", new JsonObject()
                        .put("roleName", Roles.nameOf(id))
                        .put("type", "BuiltInRole")
                        .put("description", role.description())
                        .put("assignableScopes", new JsonArray().add("/"))
                        .put("permissions", new JsonArray().add(new JsonObject()
                                .put("actions", new JsonArray(role.actions()))
                                .put("notActions", new JsonArray())
                                .put("dataActions", new JsonArray(role.dataActions()))
                                .put("notDataActions", new JsonArray())))));
    }

    /** The role's control-plane actions (patterns); none for a role this catalog does not know. */
    static List<String> actions(String roleId) {
        Role role = ROLES.get(roleId.toLowerCase());
        return role == null ? List.of() : role.actions();
    }

    static ArmError notFound(String roleId) {
        return new ArmError(404, "RoleDefinitionDoesNotExist", "The specified role definition with ID '" + roleId
                + "' does not exist.");
    }
}
