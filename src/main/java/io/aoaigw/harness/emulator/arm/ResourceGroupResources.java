package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Microsoft.Resources: the resource group and the generic listing of its top-level resources (what
 * {@code genericResources().listByResourceGroup} and {@code az resource list -g} read).
 */
final class ResourceGroupResources {
    private static final String GROUP = "/subscriptions/{sub}/resourceGroups/{rg}";

    private final Topology topology;

    ResourceGroupResources(Topology topology) {
        this.topology = topology;
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.RESOURCES;
        routes.get(p, GROUP, (ex, m) -> ArmResult.ok(group()))
                .get(p, GROUP + "/resources", (ex, m) -> ex.page(resources()));
    }

    /** The group lives where its first resource does; Azure requires a location and the topology names none. */
    private JsonObject group() {
        String location = topology.apim() != null ? topology.apim().region() : topology.accounts().get(0).region();
        return resource(topology.resourceGroupId(), topology.resourceGroup(), "Microsoft.Resources/resourceGroups")
                .put("location", location)
                .put("properties", new JsonObject().put("provisioningState", "Succeeded"));
    }

    private List<JsonObject> resources() {
        String rg = topology.resourceGroupId() + "/providers/";
        List<JsonObject> all = new ArrayList<>();
        if (topology.apim() != null) {
            all.add(resource(rg + "Microsoft.ApiManagement/service/" + topology.apim().name(), topology.apim().name(),
                    "Microsoft.ApiManagement/service").put("location", topology.apim().region())
                    .put("sku", new JsonObject().put("name", topology.apim().sku()).put("capacity", 1)));
        }
        if (topology.frontDoor() != null) {
            all.add(resource(rg + "Microsoft.Cdn/profiles/" + topology.frontDoor().profile(),
                    topology.frontDoor().profile(), "Microsoft.Cdn/profiles").put("location", "global")
                    .put("sku", new JsonObject().put("name", "Standard_AzureFrontDoor")));
        }
        topology.accounts().forEach(a -> all.add(resource(topology.accountResourceId(a.name()), a.name(),
                "Microsoft.CognitiveServices/accounts").put("location", a.region()).put("kind", "OpenAI")
                .put("sku", new JsonObject().put("name", "S0"))));
        return all;
    }
}
