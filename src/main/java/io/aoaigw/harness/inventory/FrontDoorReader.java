package io.aoaigw.harness.inventory;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.cdn.fluent.CdnManagementClient;
import com.azure.resourcemanager.cdn.fluent.models.AfdEndpointInner;
import com.azure.resourcemanager.cdn.fluent.models.AfdOriginGroupInner;
import com.azure.resourcemanager.cdn.fluent.models.AfdOriginInner;
import com.azure.resourcemanager.cdn.fluent.models.RouteInner;
import com.azure.resourcemanager.cdn.models.EnabledState;
import com.azure.resourcemanager.cdn.models.HealthProbeParameters;
import com.azure.resourcemanager.cdn.models.LoadBalancingSettingsParameters;
import java.util.List;
import java.util.Objects;

/**
 * Reads Front Door Standard/Premium (S9) with the CDN client of azure-resourcemanager (its api-version, 2024-02-01):
 * profile, endpoint, the endpoint's routes, the origin group and its origins, the profile's origin groups.
 */
final class FrontDoorReader {
    private final CdnManagementClient cdn;
    private final ArmCalls calls;
    private final InventoryTarget t;
    private final String profileId;

    FrontDoorReader(AzureResourceManager azure, ArmCalls calls, InventoryTarget target) {
        this.cdn = azure.cdnProfiles().manager().serviceClient();
        this.calls = calls;
        this.t = target;
        this.profileId = target.resourceGroupId() + "/providers/Microsoft.Cdn/profiles/" + target.frontDoorProfile();
    }

    FrontDoorInfo read() {
        calls.read("Front Door profile " + t.frontDoorProfile(), profileId,
                () -> cdn.getProfiles().getByResourceGroup(t.resourceGroup(), t.frontDoorProfile()));
        String endpointId = profileId + "/afdEndpoints/" + t.frontDoorEndpoint();
        AfdEndpointInner endpoint = calls.read("Front Door endpoint " + t.frontDoorEndpoint(), endpointId,
                () -> cdn.getAfdEndpoints().get(t.resourceGroup(), t.frontDoorProfile(), t.frontDoorEndpoint()));
        List<FrontDoorInfo.Route> routes = calls.read("routes of endpoint " + t.frontDoorEndpoint(),
                endpointId + "/routes", () -> cdn.getRoutes()
                        .listByEndpoint(t.resourceGroup(), t.frontDoorProfile(), t.frontDoorEndpoint())
                        .stream().map(FrontDoorReader::route).toList());
        String groupId = profileId + "/originGroups/" + t.originGroup();
        AfdOriginGroupInner group = calls.read("Front Door origin group " + t.originGroup(), groupId,
                () -> cdn.getAfdOriginGroups().get(t.resourceGroup(), t.frontDoorProfile(), t.originGroup()));
        List<FrontDoorInfo.Origin> origins = calls.read("origins of origin group " + t.originGroup(),
                groupId + "/origins", () -> cdn.getAfdOrigins()
                        .listByOriginGroup(t.resourceGroup(), t.frontDoorProfile(), t.originGroup())
                        .stream().map(FrontDoorReader::origin).toList());
        List<String> groups = calls.read("origin groups of Front Door profile " + t.frontDoorProfile(),
                profileId + "/originGroups", () -> cdn.getAfdOriginGroups()
                        .listByProfile(t.resourceGroup(), t.frontDoorProfile()).stream()
                        .map(AfdOriginGroupInner::name).toList());
        return new FrontDoorInfo(t.frontDoorProfile(), endpoint.name(), endpoint.hostname(), routes,
                originGroup(group), origins, groups);
    }

    private static FrontDoorInfo.Route route(RouteInner route) {
        String groupId = route.originGroup() == null ? null : route.originGroup().id();
        String groupName = groupId == null ? null : groupId.substring(groupId.lastIndexOf('/') + 1);
        return new FrontDoorInfo.Route(route.name(), groupName,
                route.patternsToMatch() == null ? List.of() : route.patternsToMatch(),
                !"Disabled".equals(Objects.toString(route.enabledState(), null)),
                !"Disabled".equals(Objects.toString(route.linkToDefaultDomain(), null)),
                Objects.toString(route.forwardingProtocol(), null), route.cacheConfiguration() != null);
    }

    private static FrontDoorInfo.OriginGroup originGroup(AfdOriginGroupInner group) {
        HealthProbeParameters probe = group.healthProbeSettings();
        LoadBalancingSettingsParameters lb = group.loadBalancingSettings();
        return new FrontDoorInfo.OriginGroup(group.name(),
                probe == null ? null : new FrontDoorInfo.HealthProbe(probe.probePath(),
                        Objects.toString(probe.probeRequestType(), null), Objects.toString(probe.probeProtocol(), null),
                        probe.probeIntervalInSeconds()),
                lb == null ? null : new FrontDoorInfo.LoadBalancing(lb.sampleSize(), lb.successfulSamplesRequired(),
                        lb.additionalLatencyInMilliseconds()));
    }

    private static FrontDoorInfo.Origin origin(AfdOriginInner o) {
        return new FrontDoorInfo.Origin(o.name(), o.hostname(), o.httpsPort(), o.originHostHeader(), o.priority(),
                o.weight(), !EnabledState.DISABLED.equals(o.enabledState()));
    }
}
