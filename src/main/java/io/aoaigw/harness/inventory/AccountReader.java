package io.aoaigw.harness.inventory;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.GenericResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Reads the Azure OpenAI accounts and their deployments (S8, S10). azure-resourcemanager 2.57.0 bundles no
 * Cognitive Services client, so accounts are generic resources and deployments JSON lists, at api-version
 * {@value #API_VERSION}. Keys are never read (listKeys is a POST).
 */
final class AccountReader {
    /** Newest stable Microsoft.CognitiveServices version in azure-rest-api-specs. */
    static final String API_VERSION = "2025-09-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AzureResourceManager azure;
    private final ArmJson arm;
    private final ArmCalls calls;
    private final InventoryTarget target;

    AccountReader(AzureResourceManager azure, ArmJson arm, ArmCalls calls, InventoryTarget target) {
        this.azure = azure;
        this.arm = arm;
        this.calls = calls;
        this.target = target;
    }

    List<AccountInfo> read() {
        return target.accounts().stream().map(this::account).toList();
    }

    private AccountInfo account(String name) {
        String id = target.resourceGroupId() + "/providers/Microsoft.CognitiveServices/accounts/" + name;
        GenericResource account = calls.read("Azure OpenAI account " + name, id,
                () -> azure.genericResources().getById(id, API_VERSION));
        JsonNode properties = JSON.valueToTree(account.properties());
        List<AccountInfo.Deployment> deployments = calls.read("deployments of account " + name, id + "/deployments",
                () -> arm.list(id + "/deployments", API_VERSION)).stream().map(AccountReader::deployment).toList();
        return new AccountInfo(account.name(), account.kind(), account.regionName(),
                ApimReader.text(properties, "endpoint"), account.id(), deployments);
    }

    private static AccountInfo.Deployment deployment(JsonNode d) {
        JsonNode model = d.path("properties").path("model");
        JsonNode sku = d.path("sku");
        JsonNode limits = d.path("properties").path("rateLimits");
        return new AccountInfo.Deployment(d.path("name").asText(), ApimReader.text(model, "name"),
                ApimReader.text(model, "version"), ApimReader.text(sku, "name"),
                sku.has("capacity") ? sku.path("capacity").asInt() : null,
                perMinute(limits, "token"), perMinute(limits, "request"));
    }

    /** The tightest rule of that key, scaled to a minute (Azure lists requests per 10 s, tokens per 60 s). */
    private static Integer perMinute(JsonNode rateLimits, String key) {
        Integer tightest = null;
        for (JsonNode rule : rateLimits) {
            double period = rule.path("renewalPeriod").asDouble(0);
            if (key.equals(rule.path("key").asText()) && period > 0 && rule.path("count").isNumber()) {
                int perMinute = (int) Math.round(rule.path("count").asDouble() * 60 / period);
                tightest = tightest == null ? perMinute : Math.min(tightest, perMinute);
            }
        }
        return tightest;
    }
}
