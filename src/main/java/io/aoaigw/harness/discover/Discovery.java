package io.aoaigw.harness.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.inventory.ArmJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a resource group through ARM with GETs only: its APIM services and their APIs, the Front Door endpoint the
 * API's serviceUrl points to, that endpoint's route and origin group, the accounts behind the origins and their
 * deployments. Picks what the deployment's shape decides and leaves the rest as notes for {@link TargetFileWriter}.
 */
final class Discovery {
    static final String APIM_VERSION = "2024-05-01";
    static final String CDN_VERSION = "2024-02-01";
    static final String RESOURCES_VERSION = "2021-04-01";
    private final ArmJson arm;
    private final String providers;
    private final TargetDraft draft = new TargetDraft();

    Discovery(ArmJson arm, String subscriptionId, String resourceGroup) {
        this.arm = arm;
        this.providers = "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers";
        draft.subscriptionId = subscriptionId;
        draft.resourceGroup = resourceGroup;
    }

    /** @param apimName the APIM service to use, or null to pick the resource group's only (or first) one */
    TargetDraft run(String apimName) {
        resourceGroup();
        JsonNode service = apim(apimName);
        Optional<URI> serviceUrl = api(service);
        FrontDoorDiscovery frontDoor = new FrontDoorDiscovery(arm, providers, draft);
        List<String> originHosts = frontDoor.run(serviceUrl);
        new AccountDiscovery(arm, providers, draft).run(originHosts);
        return draft;
    }

    private void resourceGroup() {
        try {
            arm.get("/subscriptions/" + draft.subscriptionId + "/resourceGroups/" + draft.resourceGroup,
                    RESOURCES_VERSION);
        } catch (ArmJson.ArmCallException e) {
            throw new DiscoveryException("resource group " + draft.resourceGroup + " (subscription "
                    + draft.subscriptionId + "): " + e.code() + ": " + firstLine(e.armMessage())
                    + ("AuthorizationFailed".equals(e.code()) ? " — check the group's name, or give the identity "
                    + "Reader on it (ARM does not tell a reader of other groups whether it exists)" : ""));
        }
    }

    private JsonNode apim(String wanted) {
        List<JsonNode> services = arm.list(providers + "/Microsoft.ApiManagement/service", APIM_VERSION);
        List<String> names = services.stream().map(s -> s.path("name").asText()).toList();
        if (services.isEmpty()) {
            throw new DiscoveryException("no API Management service in resource group " + draft.resourceGroup
                    + ": name the group that holds the gateway");
        }
        JsonNode chosen = wanted == null ? services.get(0) : services.stream()
                .filter(s -> s.path("name").asText().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new DiscoveryException("--apim " + wanted + ": no such APIM service in resource "
                        + "group " + draft.resourceGroup + " (found: " + String.join(", ", names) + ")"));
        if (wanted == null && services.size() > 1) {
            draft.note("apim", "CHOOSE: the group holds several APIM services: " + String.join(", ", names)
                    + " (the first is written; rerun with --apim NAME)");
        }
        draft.apimService = chosen.path("name").asText();
        draft.gatewayUrl = chosen.path("properties").path("gatewayUrl").asText(null);
        Optional.ofNullable(chosen.path("identity").path("tenantId").asText(null))
                .ifPresent(t -> draft.tenantId = draft.tenantId == null ? t : draft.tenantId);
        return chosen;
    }

    private Optional<URI> api(JsonNode service) {
        String id = service.path("id").asText();
        List<JsonNode> apis = arm.list(id + "/apis", APIM_VERSION);
        JsonNode api = apis.stream().filter(a -> "openai".equals(a.path("properties").path("path").asText()))
                .findFirst().orElse(null);
        if (api == null) {
            draft.note("apim", "CHOOSE: no API at URL suffix 'openai' (step S3 expects it); APIs: "
                    + String.join(", ", apis.stream().map(a -> a.path("name").asText() + " (/"
                    + a.path("properties").path("path").asText() + ")").toList()));
            if (apis.isEmpty()) {
                draft.apiId = "CHOOSE-an-api-id";
                return Optional.empty();
            }
            api = apis.get(0);
        }
        draft.apiId = api.path("name").asText();
        draft.keyHeader = api.path("properties").path("subscriptionKeyParameterNames").path("header").asText(null);
        products(id, draft.apiId);
        String url = api.path("properties").path("serviceUrl").asText("");
        try {
            return url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            draft.note("frontDoor", "the API's serviceUrl is not a URL: " + url);
            return Optional.empty();
        }
    }

    /** Products that include the API: step S7 checks that each requires a subscription. */
    private void products(String serviceId, String apiId) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : arm.list(serviceId + "/products", APIM_VERSION)) {
            boolean hasApi = arm.list(p.path("id").asText() + "/apis", APIM_VERSION).stream()
                    .anyMatch(a -> apiId.equals(a.path("name").asText()));
            if (hasApi) {
                out.add(p.path("name").asText());
            }
        }
        draft.products = out;
        if (out.isEmpty()) {
            draft.note("apim", "no product includes the API: callers cannot subscribe (step S7)");
        }
        // names and states only: a Reader never sees subscription keys, and discovery never asks for them
        List<String> suspended = arm.list(serviceId + "/subscriptions", APIM_VERSION).stream()
                .filter(sub -> "suspended".equalsIgnoreCase(sub.path("properties").path("state").asText()))
                .map(sub -> sub.path("name").asText()).toList();
        if (!suspended.isEmpty()) {
            draft.note("apim", "suspended subscriptions: " + String.join(", ", suspended) + " — put one's key in "
                    + TargetFileWriter.SUSPENDED_KEY + " and uncomment 'suspended' below to have S7 prove it refused");
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
