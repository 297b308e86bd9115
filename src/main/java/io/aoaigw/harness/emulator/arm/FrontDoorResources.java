package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Microsoft.Cdn (Front Door Standard/Premium, shapes of the 2024-02-01 examples): the profile, its endpoint (host
 * name of the running listener), its routes (patterns, origin group, enabled state, default-domain link, protocols,
 * caching and compression), the origin group (health probe, load balancing) and its origins (the accounts' hosts,
 * priority, weight, enabled state), and the profile's further origin groups with their host-name origins.
 */
final class FrontDoorResources {
    private static final String TYPE = "Microsoft.Cdn/profiles";
    private static final String PROFILE = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Cdn/profiles/{profile}";
    private final Topology topology;
    private final ArmView view;

    FrontDoorResources(Topology topology, ArmView view) {
        this.topology = topology;
        this.view = view;
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.CDN;
        routes.get(p, "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Cdn/profiles",
                        (ex, m) -> ex.page(frontDoor().map(fd -> List.of(profile(fd))).orElse(List.of())))
                .get(p, PROFILE, (ex, m) -> withProfile(m, fd -> ArmResult.ok(profile(fd))))
                .get(p, PROFILE + "/afdEndpoints", (ex, m) -> withProfile(m, fd -> ex.page(List.of(endpoint(fd)))))
                .get(p, PROFILE + "/afdEndpoints/{endpoint}", (ex, m) -> withEndpoint(m, fd -> ArmResult.ok(endpoint(fd))))
                .get(p, PROFILE + "/afdEndpoints/{endpoint}/routes", (ex, m) -> withEndpoint(m, fd ->
                        ex.page(fd.routes().stream().map(r -> route(fd, r)).toList())))
                .get(p, PROFILE + "/afdEndpoints/{endpoint}/routes/{route}", (ex, m) -> withEndpoint(m, fd ->
                        fd.routes().stream().filter(r -> r.name().equalsIgnoreCase(m.group("route"))).findFirst()
                                .map(r -> ArmResult.ok(route(fd, r)))
                                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Route", m.group("route"))))))
                // the topology has no rule sets or WAF security policies: both lists are empty, as a plain profile's
                .get(p, PROFILE + "/ruleSets", (ex, m) -> withProfile(m, fd -> ex.page(List.of())))
                .get(p, PROFILE + "/ruleSets/{ruleSet}", (ex, m) -> withProfile(m, fd ->
                        ArmResult.of(ArmError.childNotFound("RuleSet", m.group("ruleSet")))))
                .get(p, PROFILE + "/securityPolicies", (ex, m) -> withProfile(m, fd -> ex.page(List.of())))
                .get(p, PROFILE + "/originGroups", (ex, m) -> withProfile(m, fd -> ex.page(Stream.concat(
                        Stream.of(originGroup(fd)), fd.originGroups().stream().map(g -> hostGroup(fd, g))).toList())))
                .get(p, PROFILE + "/originGroups/{group}", (ex, m) -> withGroup(m, fd -> ArmResult.ok(originGroup(fd)),
                        (fd, g) -> ArmResult.ok(hostGroup(fd, g))))
                .get(p, PROFILE + "/originGroups/{group}/origins", (ex, m) -> withGroup(m, fd ->
                        ex.page(fd.origins().stream().map(o -> origin(fd, o)).toList()), (fd, g) ->
                        ex.page(g.origins().stream().map(o -> hostOrigin(fd, g, o)).toList())))
                .get(p, PROFILE + "/originGroups/{group}/origins/{origin}", (ex, m) -> withGroup(m, fd ->
                        fd.origins().stream().filter(o -> o.name().equalsIgnoreCase(m.group("origin"))).findFirst()
                                .map(o -> ArmResult.ok(origin(fd, o)))
                                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Origin", m.group("origin"))))));
    }

    private Optional<FrontDoor> frontDoor() {
        return Optional.ofNullable(topology.frontDoor());
    }

    private ArmResult withProfile(Matcher m, Function<FrontDoor, ArmResult> then) {
        String name = m.group("profile");
        return frontDoor().filter(fd -> fd.profile().equalsIgnoreCase(name)).map(then)
                .orElseGet(() -> ArmResult.of(ArmError.resourceNotFound(TYPE, name, topology.resourceGroup())));
    }

    private ArmResult withEndpoint(Matcher m, Function<FrontDoor, ArmResult> then) {
        return withProfile(m, fd -> named(m, "endpoint", fd.endpoint(), "AfdEndpoint", () -> then.apply(fd)));
    }

    private ArmResult withGroup(Matcher m, Function<FrontDoor, ArmResult> then) {
        return withGroup(m, then, (fd, g) -> ArmResult.of(ArmError.childNotFound("OriginGroup", g.name())));
    }

    /** The accounts' group goes to {@code then}, a further group (by name) to {@code other}. */
    private ArmResult withGroup(Matcher m, Function<FrontDoor, ArmResult> then,
                                BiFunction<FrontDoor, FrontDoor.HostOriginGroup, ArmResult> other) {
        return withProfile(m, fd -> fd.originGroups().stream().filter(g -> g.name().equalsIgnoreCase(m.group("group")))
                .findFirst().map(g -> other.apply(fd, g))
                .orElseGet(() -> named(m, "group", fd.originGroup().name(), "OriginGroup", () -> then.apply(fd))));
    }

    /** The child named in the path must be the topology's only one of its kind. */
    private static ArmResult named(Matcher m, String group, String expected, String what, Supplier<ArmResult> then) {
        return m.group(group).equalsIgnoreCase(expected) ? then.get()
                : ArmResult.of(ArmError.childNotFound(what, m.group(group)));
    }

    private String profileId(FrontDoor fd) {
        return topology.resourceGroupId() + "/providers/" + TYPE + "/" + fd.profile();
    }

    private static JsonObject deployed(JsonObject properties) {
        return properties.put("provisioningState", "Succeeded").put("deploymentStatus", "NotStarted");
    }

    private JsonObject profile(FrontDoor fd) {
        return resource(profileId(fd), fd.profile(), TYPE)
                .put("location", "Global")
                .put("kind", "frontdoor")
                .put("sku", new JsonObject().put("name", "Standard_AzureFrontDoor"))
                .put("properties", new JsonObject()
                        .put("provisioningState", "Succeeded")
                        .put("resourceState", "Active")
                        // stable per topology: X-Azure-FDID of a real profile is this id
                        .put("frontDoorId", UUID.nameUUIDFromBytes(profileId(fd).getBytes()).toString())
                        .put("originResponseTimeoutSeconds", fd.originGroup().originResponseTimeoutSeconds()));
    }

    private JsonObject endpoint(FrontDoor fd) {
        return resource(profileId(fd) + "/afdEndpoints/" + fd.endpoint(), fd.endpoint(), TYPE + "/afdEndpoints")
                .put("location", "Global")
                .put("properties", deployed(new JsonObject()
                        .put("hostName", ArmView.hostNameOf(view.frontDoorEndpointUrl()))
                        .put("enabledState", "Enabled")
                        .put("autoGeneratedDomainNameLabelScope", "TenantReuse")));
    }

    private JsonObject route(FrontDoor fd, FrontDoor.Route r) {
        String endpointId = profileId(fd) + "/afdEndpoints/" + fd.endpoint();
        JsonObject properties = new JsonObject()
                .put("customDomains", new JsonArray())
                .put("originGroup", new JsonObject().put("id", profileId(fd) + "/originGroups/" + r.originGroup()))
                .put("ruleSets", new JsonArray())
                .put("supportedProtocols", new JsonArray(r.supportedProtocols()))
                .put("patternsToMatch", new JsonArray(r.patternsToMatch()))
                .put("forwardingProtocol", r.forwardingProtocol())
                .put("linkToDefaultDomain", r.linkToDefaultDomain() ? "Enabled" : "Disabled")
                .put("httpsRedirect", "Disabled")
                .put("enabledState", r.enabled() ? "Enabled" : "Disabled");
        if (r.cachingEnabled()) { // no caching is no cacheConfiguration object (afdx.json 2024-02-01), never null
            properties.put("cacheConfiguration", new JsonObject()
                    .put("queryStringCachingBehavior", "IgnoreQueryString")
                    .put("compressionSettings", new JsonObject()
                            .put("isCompressionEnabled", r.compressionEnabled())
                            .put("contentTypesToCompress", new JsonArray())));
        }
        return resource(endpointId + "/routes/" + r.name(), r.name(), TYPE + "/afdEndpoints/routes")
                .put("properties", deployed(properties));
    }

    private String originGroupId(FrontDoor fd) {
        return profileId(fd) + "/originGroups/" + fd.originGroup().name();
    }

    private JsonObject originGroup(FrontDoor fd) {
        FrontDoor.OriginGroup g = fd.originGroup();
        return resource(originGroupId(fd), g.name(), TYPE + "/originGroups")
                .put("properties", deployed(new JsonObject()
                        .put("loadBalancingSettings", new JsonObject()
                                .put("sampleSize", g.loadBalancing().sampleSize())
                                .put("successfulSamplesRequired", g.loadBalancing().successfulSamplesRequired())
                                .put("additionalLatencyInMilliseconds", g.loadBalancing().additionalLatencyInMilliseconds()))
                        .put("healthProbeSettings", new JsonObject()
                                .put("probePath", g.healthProbe().path())
                                .put("probeRequestType", g.healthProbe().method())
                                .put("probeProtocol", g.healthProbe().protocol())
                                .put("probeIntervalInSeconds", g.healthProbe().intervalSeconds()))
                        .put("sessionAffinityState", "Disabled")));
    }

    /** A further origin group: the model gives it no probe or balancing of its own, so the accounts group's show. */
    private JsonObject hostGroup(FrontDoor fd, FrontDoor.HostOriginGroup g) {
        JsonObject group = originGroup(fd);
        return group.put("id", profileId(fd) + "/originGroups/" + g.name()).put("name", g.name());
    }

    private JsonObject hostOrigin(FrontDoor fd, FrontDoor.HostOriginGroup g, FrontDoor.HostOrigin o) {
        return resource(profileId(fd) + "/originGroups/" + g.name() + "/origins/" + o.name(), o.name(),
                TYPE + "/originGroups/origins")
                .put("properties", deployed(new JsonObject()
                        .put("hostName", o.hostName()).put("httpPort", 80).put("httpsPort", 443)
                        .put("originHostHeader", o.hostName()).put("priority", 1).put("weight", 1000)
                        .put("enabledState", o.enabled() ? "Enabled" : "Disabled")
                        .put("originGroupName", g.name())
                        .put("enforceCertificateNameCheck", true)));
    }

    /** The origin's host is the account's running endpoint; the port goes to httpsPort, as Front Door keeps it. */
    private JsonObject origin(FrontDoor fd, FrontDoor.Origin o) {
        String endpoint = view.accountEndpoint(o.account());
        URI uri = endpoint == null ? null : URI.create(endpoint);
        String host = uri == null ? null : uri.getHost();
        return resource(originGroupId(fd) + "/origins/" + o.name(), o.name(), TYPE + "/originGroups/origins")
                .put("properties", deployed(new JsonObject()
                        .put("hostName", host)
                        .put("httpPort", 80)
                        .put("httpsPort", uri == null || uri.getPort() < 0 ? 443 : uri.getPort())
                        .put("originHostHeader", o.originHostHeader() != null ? o.originHostHeader() : host)
                        .put("priority", o.priority())
                        .put("weight", o.weight())
                        .put("enabledState", o.enabled() ? "Enabled" : "Disabled")
                        .put("originGroupName", fd.originGroup().name())
                        .put("enforceCertificateNameCheck", true)));
    }
}
