package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.emulator.apim.ApiOperation;
import io.aoaigw.harness.emulator.apim.ImportedOperations;
import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimApi;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.SubscriptionScope;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft.ApiManagement as the inventory reads it (shapes of the 2024-05-01 examples): the service with its
 * system-assigned identity and gateway URL, the APIs (suffix, resolved serviceUrl, key names), its policy (the
 * topology's XML text), operations, products, product APIs, subscriptions (scope and state; keys are never part of
 * a GET, as in Azure since 2019) and backend entities ({@link ApimBackendJson}). Every API of the service is listed
 * (the imported one and the others, the Echo API by default).
 */
final class ApimResources {
    private static final String TYPE = "Microsoft.ApiManagement/service";
    private static final String SERVICE = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement"
            + "/service/{service}";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Topology topology;
    private final ArmView view;
    private final ApiExports exports;

    ApimResources(Topology topology, ArmView view, ExportBlobs blobs) {
        this.topology = topology;
        this.view = view;
        this.exports = new ApiExports(view, blobs);
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.API_MANAGEMENT;
        routes.get(p, "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service",
                        (ex, m) -> ex.page(apim().map(a -> List.of(service(a))).orElse(List.of())))
                .get(p, SERVICE, (ex, m) -> withService(m, a -> ArmResult.ok(service(a))))
                .get(p, SERVICE + "/apis", (ex, m) -> withService(m, a ->
                        ex.page(a.allApis().stream().map(api -> api(api, serviceId(a))).toList())))
                .get(p, SERVICE + "/apis/{api}", (ex, m) -> withApi(m, (a, api) -> "true".equals(ex.param("export"))
                        ? exports.export(ex, serviceId(a) + "/apis/" + api.id(), api, api == a.api())
                        : ArmResult.ok(api(api, serviceId(a)))))
                .get(p, SERVICE + "/apis/{api}/operations", (ex, m) -> withApi(m, (a, api) ->
                        ex.page(operations(a, api))))
                .get(p, SERVICE + "/apis/{api}/operations/{operation}", (ex, m) -> withApi(m, (a, api) ->
                        operations(a, api).stream().filter(o -> o.getString("name").equalsIgnoreCase(m.group("operation")))
                                .findFirst().map(ArmResult::ok)
                                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Operation", m.group("operation"))))))
                .get(p, SERVICE + "/apis/{api}/policies", (ex, m) -> withApi(m, (a, api) ->
                        ex.page(List.of(policy(a, api, ex.param("format"))))))
                .get(p, SERVICE + "/apis/{api}/policies/{policy}", (ex, m) -> withApi(m, (a, api) ->
                        "policy".equalsIgnoreCase(m.group("policy")) ? ArmResult.ok(policy(a, api, ex.param("format")))
                                : ArmResult.of(ArmError.childNotFound("Policy", m.group("policy")))))
                .get(p, SERVICE + "/products", (ex, m) -> withService(m, a ->
                        ex.page(a.products().stream().map(pr -> product(a, pr)).toList())))
                .get(p, SERVICE + "/products/{product}", (ex, m) -> withProduct(m, (a, pr) -> ArmResult.ok(product(a, pr))))
                .get(p, SERVICE + "/products/{product}/apis", (ex, m) -> withProduct(m, (a, pr) ->
                        ex.page(pr.apis().stream().flatMap(id -> a.apiById(id).stream())
                                .map(api -> api(api, serviceId(a) + "/products/" + pr.id())).toList())))
                .get(p, SERVICE + "/subscriptions", (ex, m) -> withService(m, a ->
                        ex.page(a.subscriptions().stream().map(s -> subscription(a, s)).toList())))
                .get(p, SERVICE + "/subscriptions/{subscription}", (ex, m) -> withService(m, a ->
                        a.subscriptions().stream().filter(s -> s.name().equalsIgnoreCase(m.group("subscription")))
                                .findFirst().map(s -> ArmResult.ok(subscription(a, s)))
                                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Subscription",
                                        m.group("subscription"))))))
                .get(p, SERVICE + "/backends", (ex, m) -> withService(m, a -> ex.page(a.backends().stream()
                        .map(b -> ApimBackendJson.of(serviceId(a), b, view)).toList())))
                .get(p, SERVICE + "/backends/{backend}", (ex, m) -> withService(m, a -> a.backend(m.group("backend"))
                        .map(b -> ArmResult.ok(ApimBackendJson.of(serviceId(a), b, view)))
                        .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Backend", m.group("backend"))))))
                .get(p, SERVICE + "/namedValues", (ex, m) -> withService(m, a ->
                        ex.page(a.namedValues().stream().map(nv -> namedValue(a, nv)).toList())))
                .get(p, SERVICE + "/namedValues/{nv}", (ex, m) -> withService(m, a -> a.namedValues().stream()
                        .filter(nv -> nv.name().equalsIgnoreCase(m.group("nv"))).findFirst()
                        .map(nv -> ArmResult.ok(namedValue(a, nv)))
                        .orElseGet(() -> ArmResult.of(ArmError.childNotFound("NamedValue", m.group("nv"))))));
    }

    /**
     * A named value as a GET shows it: a secret's or Key Vault reference's value is never part of it (Azure returns
     * it only through the listValue POST, which a reader never calls).
     */
    private JsonObject namedValue(Apim a, Apim.NamedValue nv) {
        JsonObject properties = new JsonObject().put("displayName", nv.name()).put("secret", nv.secret())
                .put("tags", new JsonArray());
        if (nv.keyVaultSecretId() != null) {
            properties.put("keyVault", new JsonObject().put("secretIdentifier", nv.keyVaultSecretId())
                    .put("lastStatus", new JsonObject().put("code", "Success")));
        } else if (!nv.secret()) {
            properties.put("value", nv.value());
        }
        return resource(serviceId(a) + "/namedValues/" + nv.name(), nv.name(), TYPE + "/namedValues")
                .put("properties", properties);
    }

    private Optional<Apim> apim() {
        return Optional.ofNullable(topology.apim());
    }

    ArmResult withService(Matcher m, Function<Apim, ArmResult> then) {
        String name = m.group("service");
        return apim().filter(a -> a.name().equalsIgnoreCase(name)).map(then)
                .orElseGet(() -> ArmResult.of(ArmError.resourceNotFound(TYPE, name, topology.resourceGroup())));
    }

    ArmResult withApi(Matcher m, BiFunction<Apim, ApimApi, ArmResult> then) {
        return withService(m, a -> a.apiById(m.group("api")).map(api -> then.apply(a, api))
                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Api", m.group("api")))));
    }

    private ArmResult withProduct(Matcher m, BiFunction<Apim, Apim.Product, ArmResult> then) {
        return withService(m, a -> a.products().stream().filter(pr -> pr.id().equalsIgnoreCase(m.group("product")))
                .findFirst().map(pr -> then.apply(a, pr))
                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Product", m.group("product")))));
    }

    String serviceId(Apim a) {
        return topology.resourceGroupId() + "/providers/" + TYPE + "/" + a.name();
    }

    private JsonObject service(Apim a) {
        String gatewayUrl = view.apimGatewayUrl();
        return resource(serviceId(a), a.name(), TYPE)
                .put("location", a.region())
                .put("sku", new JsonObject().put("name", a.sku()).put("capacity",
                        "Consumption".equalsIgnoreCase(a.sku()) ? 0 : 1))
                .put("identity", identity(a))
                .put("properties", new JsonObject()
                        .put("publisherEmail", "apim-admin@" + a.name() + ".example")
                        .put("publisherName", a.name())
                        .put("provisioningState", "Succeeded")
                        .put("targetProvisioningState", "")
                        .put("gatewayUrl", gatewayUrl)
                        .put("hostnameConfigurations", new JsonArray().add(new JsonObject().put("type", "Proxy")
                                .put("hostName", ArmView.hostNameOf(gatewayUrl)).put("certificateSource", "BuiltIn")
                                .put("defaultSslBinding", true).put("negotiateClientCertificate", false)))
                        .put("publicNetworkAccess", "Enabled")
                        .put("virtualNetworkType", "None")
                        .put("disableGateway", false)
                        .put("platformVersion", "stv2"));
    }

    /** APIM's system-assigned identity: its principal is the managed identity's object id in the topology. */
    private JsonObject identity(Apim a) {
        Optional<Identity> id = Optional.ofNullable(a.identity()).flatMap(topology::identity);
        return id.map(i -> new JsonObject().put("type", "SystemAssigned").put("principalId", i.objectId())
                        .put("tenantId", topology.tenantId()))
                .orElseGet(() -> new JsonObject().put("type", "None"));
    }

    private JsonObject api(ApimApi api, String parentId) {
        return resource(parentId + "/apis/" + api.id(), api.id(), parentId.contains("/products/")
                ? TYPE + "/products/apis" : TYPE + "/apis")
                .put("properties", new JsonObject()
                        .put("displayName", api.displayName())
                        .put("apiRevision", "1")
                        .put("serviceUrl", view.resolveServiceUrl(api.serviceUrl()))
                        .put("path", api.path())
                        .put("protocols", new JsonArray().add("https"))
                        .put("subscriptionKeyParameterNames", new JsonObject()
                                .put("header", api.subscriptionKey().header()).put("query", api.subscriptionKey().query()))
                        .put("subscriptionRequired", api.subscriptionRequired())
                        .put("type", "http")
                        .put("isCurrent", true));
    }

    private List<JsonObject> operations(Apim a, ApimApi api) {
        String apiId = serviceId(a) + "/apis/" + api.id();
        List<ApiOperation> ops = api == a.api() ? ImportedOperations.of(api) : ImportedOperations.declared(api);
        return ops.stream().map(op -> operation(apiId, op)).toList();
    }

    private static JsonObject operation(String apiId, ApiOperation op) {
        JsonArray parameters = new JsonArray();
        TEMPLATE_PARAMETER.matcher(op.urlTemplate()).results().forEach(r -> parameters.add(new JsonObject()
                .put("name", r.group(1)).put("type", "string").put("required", true).put("values", new JsonArray())));
        return resource(apiId + "/operations/" + op.operationId(), op.operationId(), TYPE + "/apis/operations")
                .put("properties", new JsonObject()
                        .put("displayName", op.operationId())
                        .put("method", op.method())
                        .put("urlTemplate", op.urlTemplate())
                        .put("templateParameters", parameters)
                        .put("description", ""));
    }

    /**
     * The policy exactly as the topology has it. {@code format=rawxml} asks for the text as stored; the default
     * {@code xml} would be APIM's re-serialisation, which the emulator does not imitate (same text, format "xml").
     */
    private JsonObject policy(Apim a, ApimApi api, String format) {
        String id = serviceId(a) + "/apis/" + api.id() + "/policies/policy";
        return resource(id, "policy", TYPE + "/apis/policies")
                .put("properties", new JsonObject()
                        .put("format", "rawxml".equalsIgnoreCase(format) ? "rawxml" : "xml")
                        .put("value", api.policy()));
    }

    private JsonObject product(Apim a, Apim.Product pr) {
        JsonObject properties = new JsonObject()
                .put("displayName", pr.displayName() == null ? pr.id() : pr.displayName())
                .put("description", "")
                .put("subscriptionRequired", pr.subscriptionRequired())
                .put("state", pr.state());
        if (pr.subscriptionRequired()) {
            properties.put("approvalRequired", false);
        }
        return resource(serviceId(a) + "/products/" + pr.id(), pr.id(), TYPE + "/products").put("properties", properties);
    }

    /** Scope and state only: ARM's GET never carries the keys (they take a POST listSecrets, refused here). */
    private JsonObject subscription(Apim a, Apim.Subscription s) {
        return resource(serviceId(a) + "/subscriptions/" + s.name(), s.name(), TYPE + "/subscriptions")
                .put("properties", new JsonObject()
                        .put("scope", subscriptionScope(a, s.scope()))
                        .put("displayName", s.name())
                        .put("state", s.state())
                        .put("createdDate", "2024-01-01T00:00:00Z")
                        .put("allowTracing", false));
    }

    /** The scope's full ARM id: the service's id plus /apis, /apis/ID or /products/ID. */
    private String subscriptionScope(Apim a, String scope) {
        return serviceId(a) + SubscriptionScope.parse(scope).map(SubscriptionScope::relativePath).orElse("/apis");
    }
}
