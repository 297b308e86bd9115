package io.aoaigw.harness.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.inventory.ArmJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Azure OpenAI accounts behind the origin group (an origin's host name is its account's endpoint host) and the
 * deployments all of them carry, with model and version when every account agrees. Accounts of the group that no
 * origin points to, and deployments only some accounts carry, become notes.
 */
final class AccountDiscovery {
    static final String COGNITIVE_VERSION = "2025-09-01";
    private final ArmJson arm;
    private final String providers;
    private final TargetDraft draft;

    AccountDiscovery(ArmJson arm, String providers, TargetDraft draft) {
        this.arm = arm;
        this.providers = providers;
        this.draft = draft;
    }

    void run(List<String> originHosts) {
        List<JsonNode> all = arm.list(providers + "/Microsoft.CognitiveServices/accounts", COGNITIVE_VERSION);
        List<JsonNode> behind = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode a : all) {
            String host = host(a.path("properties").path("endpoint").asText(""));
            if (originHosts.contains(host)) {
                behind.add(a);
            } else {
                others.add(a.path("name").asText());
            }
        }
        if (behind.isEmpty()) {
            draft.note("accounts", "CHOOSE: no origin of the group points to an account of this resource group; "
                    + "accounts found: " + (others.isEmpty() ? "none" : String.join(", ", others)));
            behind = all;
        } else if (!others.isEmpty()) {
            draft.note("accounts", "not behind the origin group (left out): " + String.join(", ", others));
        }
        draft.accounts = behind.stream().map(a -> a.path("name").asText()).toList();
        deployments(behind);
    }

    private void deployments(List<JsonNode> accounts) {
        // deployment id → account → "model@version"
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        for (JsonNode a : accounts) {
            for (JsonNode d : arm.list(a.path("id").asText() + "/deployments", COGNITIVE_VERSION)) {
                JsonNode model = d.path("properties").path("model");
                seen.computeIfAbsent(d.path("name").asText(), k -> new LinkedHashMap<>())
                        .put(a.path("name").asText(), model.path("name").asText() + "@" + model.path("version")
                                .asText(""));
            }
        }
        seen.forEach((id, byAccount) -> {
            if (byAccount.size() < accounts.size()) {
                draft.note("expectedDeployments", "only on " + String.join(", ", byAccount.keySet()) + ": " + id
                        + " (left out; step S10 wants every deployment on every account)");
                return;
            }
            TreeSet<String> variants = new TreeSet<>(byAccount.values());
            String[] first = variants.first().split("@", 2);
            boolean same = variants.size() == 1;
            if (!same) {
                draft.note("expectedDeployments", "CHOOSE: " + id + " differs between accounts: " + byAccount
                        + " (written without model version)");
            }
            draft.deployments.add(new TargetDraft.Deployment(id, first[0], same && !first[1].isEmpty() ? first[1]
                    : null));
        });
        if (draft.deployments.isEmpty()) {
            draft.note("expectedDeployments", "CHOOSE: no deployment is on every account");
            draft.deployments.add(new TargetDraft.Deployment("CHOOSE-a-deployment", null, null));
        }
    }

    private static String host(String endpoint) {
        try {
            return FrontDoorDiscovery.authority(URI.create(endpoint));
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }
}
