package io.aoaigw.harness.topology;

import java.util.Map;
import java.util.Optional;

/** Built-in Azure role definitions the topology refers to, by display name and by id. */
public final class Roles {
    public static final String OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    public static final String OPENAI_CONTRIBUTOR = "a001fd3d-188f-4b5d-821b-7da0f7c0a1a1";
    public static final String COGNITIVE_SERVICES_USER = "a97b65f3-24c7-4388-baec-2e87135dc908";
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    /** Control plane only (no data actions): a classic wrong choice for APIM's identity. */
    public static final String COGNITIVE_SERVICES_CONTRIBUTOR = "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68";

    private static final Map<String, String> BY_NAME = Map.of(
            "Cognitive Services OpenAI User", OPENAI_USER,
            "Cognitive Services OpenAI Contributor", OPENAI_CONTRIBUTOR,
            "Cognitive Services User", COGNITIVE_SERVICES_USER,
            "Cognitive Services Contributor", COGNITIVE_SERVICES_CONTRIBUTOR,
            "Reader", READER);

    private Roles() {
    }

    /** The role id for a display name or an id (case-insensitive); empty when unknown. */
    public static Optional<String> idOf(String nameOrId) {
        if (BY_NAME.containsValue(nameOrId.toLowerCase())) {
            return Optional.of(nameOrId.toLowerCase());
        }
        return Optional.ofNullable(BY_NAME.get(nameOrId));
    }

    public static String nameOf(String roleId) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue().equals(roleId)).map(Map.Entry::getKey)
                .findFirst().orElse(roleId);
    }

    /** Roles whose data actions include chat completions and embeddings on an Azure OpenAI account. */
    public static boolean grantsInference(String roleId) {
        return OPENAI_USER.equals(roleId) || OPENAI_CONTRIBUTOR.equals(roleId)
                || COGNITIVE_SERVICES_USER.equals(roleId);
    }
}
