package io.aoaigw.harness.inventory;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.GenericResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Reads API Management (S1–S5, S7). azure-resourcemanager 2.57.0 has no API Management client, so the service is
 * read as a generic resource and its children (API, policy, operations, products, subscriptions) as JSON through
 * the same pipeline, all at api-version {@value #API_VERSION}.
 */
final class ApimReader {
    /** Newest stable Microsoft.ApiManagement version in azure-rest-api-specs. */
    static final String API_VERSION = "2024-05-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AzureResourceManager azure;
    private final ArmJson arm;
    private final ArmCalls calls;
    private final InventoryTarget target;
    private final String serviceId;

    ApimReader(AzureResourceManager azure, ArmJson arm, ArmCalls calls, InventoryTarget target) {
        this.azure = azure;
        this.arm = arm;
        this.calls = calls;
        this.target = target;
        this.serviceId = target.resourceGroupId() + "/providers/Microsoft.ApiManagement/service/" + target.apimService();
    }

    ApimService service() {
        GenericResource service = calls.read("APIM service " + target.apimService(), serviceId,
                () -> azure.genericResources().getById(serviceId, API_VERSION));
        JsonNode properties = JSON.valueToTree(service.properties());
        boolean systemAssigned = service.identity() != null && service.identity().type() != null
                && service.identity().type().toString().contains("SystemAssigned");
        return new ApimService(service.name(), service.id(), text(properties, "gatewayUrl"), systemAssigned,
                systemAssigned ? service.identity().principalId() : null,
                service.sku() == null ? null : service.sku().name());
    }

    ApiInfo api() {
        String apiId = serviceId + "/apis/" + target.apiId();
        String what = "API " + target.apiId() + " of APIM service " + target.apimService();
        JsonNode p = calls.read(what, apiId, () -> arm.get(apiId, API_VERSION)).path("properties");
        JsonNode policy = calls.readOptional("policy of " + what, apiId + "/policies/policy",
                () -> arm.get(apiId + "/policies/policy", API_VERSION, "format=rawxml"));
        List<ApiInfo.Operation> operations = calls.read("operations of " + what, apiId + "/operations",
                () -> arm.list(apiId + "/operations", API_VERSION)).stream()
                .map(op -> new ApiInfo.Operation(op.path("name").asText(), text(op.path("properties"), "method"),
                        text(op.path("properties"), "urlTemplate")))
                .toList();
        JsonNode keys = p.path("subscriptionKeyParameterNames");
        return new ApiInfo(target.apiId(), text(p, "path"), text(p, "serviceUrl"),
                p.path("subscriptionRequired").asBoolean(true), text(keys, "header"), text(keys, "query"),
                policy == null ? null : text(policy.path("properties"), "value"), operations);
    }

    List<ProductInfo> products() {
        return calls.read("products of APIM service " + target.apimService(), serviceId + "/products",
                () -> arm.list(serviceId + "/products", API_VERSION)).stream().map(this::product).toList();
    }

    private ProductInfo product(JsonNode product) {
        String id = product.path("id").asText();
        List<String> apis = calls.read("APIs of product " + product.path("name").asText(), id + "/apis",
                () -> arm.list(id + "/apis", API_VERSION)).stream().map(api -> api.path("name").asText()).toList();
        JsonNode p = product.path("properties");
        return new ProductInfo(product.path("name").asText(), text(p, "displayName"),
                p.path("subscriptionRequired").asBoolean(false), text(p, "state"), apis);
    }

    List<SubscriptionInfo> subscriptions() {
        return calls.read("subscriptions of APIM service " + target.apimService(), serviceId + "/subscriptions",
                () -> arm.list(serviceId + "/subscriptions", API_VERSION)).stream()
                .map(s -> new SubscriptionInfo(s.path("name").asText(), text(s.path("properties"), "scope"),
                        text(s.path("properties"), "state")))
                .toList();
    }

    /** The field's text, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
