package io.aoaigw.harness.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.inventory.ArmJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Front Door (Standard/Premium) side: the profile and endpoint whose host name is the API's serviceUrl host, the
 * origin group its route forwards to, and the host names of that group's origins. When the serviceUrl points
 * elsewhere (an account directly, a placeholder) the first profile found is written as a commented choice.
 */
final class FrontDoorDiscovery {
    private final ArmJson arm;
    private final String providers;
    private final TargetDraft draft;

    FrontDoorDiscovery(ArmJson arm, String providers, TargetDraft draft) {
        this.arm = arm;
        this.providers = providers;
        this.draft = draft;
    }

    /** @return the origins' authorities (host[:port]) of the chosen origin group */
    List<String> run(Optional<URI> serviceUrl) {
        List<JsonNode> profiles = arm.list(providers + "/Microsoft.Cdn/profiles", Discovery.CDN_VERSION);
        if (profiles.isEmpty()) {
            draft.note("frontDoor", "CHOOSE: no Front Door profile in the resource group; fill in the profile, "
                    + "endpoint and origin group the API's serviceUrl points to");
            draft.frontDoorProfile = "CHOOSE-a-profile";
            draft.frontDoorEndpoint = "CHOOSE-an-endpoint";
            draft.originGroup = "CHOOSE-an-origin-group";
            return List.of();
        }
        String wanted = serviceUrl.map(FrontDoorDiscovery::authority).orElse("");
        JsonNode endpoint = null;
        List<String> seen = new ArrayList<>();
        for (JsonNode profile : profiles) {
            for (JsonNode ep : arm.list(profile.path("id").asText() + "/afdEndpoints", Discovery.CDN_VERSION)) {
                String host = normal(ep.path("properties").path("hostName").asText());
                seen.add(profile.path("name").asText() + "/" + ep.path("name").asText() + " (" + host + ")");
                if (endpoint == null && host.equalsIgnoreCase(wanted)) {
                    endpoint = ep;
                    draft.frontDoorProfile = profile.path("name").asText();
                }
            }
        }
        if (endpoint == null) {
            draft.note("frontDoor", "CHOOSE: the API's serviceUrl " + serviceUrl.map(URI::toString).orElse("(none)")
                    + " is no Front Door endpoint of this group (step S3 expects it to be); endpoints: "
                    + String.join(", ", seen) + " (the first is written)");
            draft.frontDoorProfile = profiles.get(0).path("name").asText();
            List<JsonNode> eps = arm.list(profiles.get(0).path("id").asText() + "/afdEndpoints",
                    Discovery.CDN_VERSION);
            endpoint = eps.isEmpty() ? null : eps.get(0);
        }
        draft.frontDoorEndpoint = endpoint == null ? "CHOOSE-an-endpoint" : endpoint.path("name").asText();
        return originGroup(endpoint);
    }

    private List<String> originGroup(JsonNode endpoint) {
        String profileId = providers + "/Microsoft.Cdn/profiles/" + draft.frontDoorProfile;
        List<JsonNode> groups = arm.list(profileId + "/originGroups", Discovery.CDN_VERSION);
        Optional<String> routed = endpoint == null ? Optional.empty()
                : arm.list(endpoint.path("id").asText() + "/routes", Discovery.CDN_VERSION).stream()
                .map(r -> r.path("properties").path("originGroup").path("id").asText(""))
                .filter(id -> !id.isBlank()).map(id -> id.substring(id.lastIndexOf('/') + 1)).findFirst();
        Optional<JsonNode> group = groups.stream().filter(g -> routed.isPresent()
                && g.path("name").asText().equalsIgnoreCase(routed.get())).findFirst();
        if (group.isEmpty()) {
            if (groups.isEmpty()) {
                draft.originGroup = "CHOOSE-an-origin-group";
                draft.note("frontDoor", "CHOOSE: the profile has no origin group");
                return List.of();
            }
            group = Optional.of(groups.get(0));
            if (groups.size() > 1) {
                draft.note("frontDoor", "CHOOSE: no route names an origin group; groups: " + String.join(", ",
                        groups.stream().map(g -> g.path("name").asText()).toList()) + " (the first is written)");
            }
        }
        draft.originGroup = group.get().path("name").asText();
        List<String> hosts = new ArrayList<>();
        for (JsonNode o : arm.list(group.get().path("id").asText() + "/origins", Discovery.CDN_VERSION)) {
            String host = o.path("properties").path("hostName").asText();
            int port = o.path("properties").path("httpsPort").asInt(443);
            hosts.add(normal(host.contains(":") || port == 443 ? host : host + ":" + port));
        }
        return hosts;
    }

    static String authority(URI url) {
        return normal(url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort());
    }

    /** Host names compare without the default HTTPS port and case-insensitively. */
    static String normal(String authority) {
        return authority.toLowerCase().replaceFirst(":443$", "");
    }
}
