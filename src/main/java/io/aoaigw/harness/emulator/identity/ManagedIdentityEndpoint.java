package io.aoaigw.harness.emulator.identity;

import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code GET /msi/token} in App Service's managed-identity protocol (api-version 2019-08-01). Each managed identity
 * of the topology stands for one host (APIM's identity for the APIM gateway) and gets its own random
 * {@code X-IDENTITY-HEADER} secret, so the header tells which identity asks. A user-assigned selector
 * ({@code client_id}, {@code object_id}/{@code principal_id}, {@code mi_res_id}) must name that same identity, as a
 * host can only use identities assigned to it.
 */
final class ManagedIdentityEndpoint {
    static final String PATH = "/msi/token";
    static final String API_VERSION = "2019-08-01";
    static final String HEADER = "X-IDENTITY-HEADER";

    private final TokenIssuer issuer;
    private final Refusals refusals;
    private final Map<String, Identity> identitiesByHeader = new LinkedHashMap<>();

    ManagedIdentityEndpoint(Topology topology, TokenIssuer issuer, Refusals refusals) {
        this.issuer = issuer;
        this.refusals = refusals;
        topology.identities().stream().filter(i -> i.kind() == Identity.Kind.managedIdentity)
                .forEach(i -> identitiesByHeader.put(TokenIssuer.randomId(24), i));
    }

    Optional<String> headerFor(String identityName) {
        return identitiesByHeader.entrySet().stream().filter(e -> e.getValue().name().equals(identityName))
                .map(Map.Entry::getKey).findFirst();
    }

    void handle(HttpServerRequest request) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isEmpty()) {
            refusals.appService(request, 400, "The request is missing the required header " + HEADER + ".");
            return;
        }
        Optional<Identity> host = identityFor(header);
        if (host.isEmpty()) {
            refusals.appService(request, 401, "Unauthorized: the " + HEADER + " value is not valid.");
            return;
        }
        String apiVersion = request.getParam("api-version");
        if (!API_VERSION.equals(apiVersion)) {
            refusals.appService(request, 400, "Unsupported api-version '" + apiVersion + "'; this endpoint serves "
                    + API_VERSION + ".");
            return;
        }
        String resource = request.getParam("resource");
        if (resource == null || resource.isBlank()) {
            refusals.appService(request, 400, "Required query parameter 'resource' is missing.");
            return;
        }
        if (!selectorsName(request, host.get())) {
            refusals.appService(request, 400, "No User Assigned or Delegated Managed Identity found for specified "
                    + "ClientId/ResourceId/PrincipalId.");
            return;
        }
        TokenIssuer.IssuedToken token = issuer.issue(host.get(), TokenIssue.Grant.managedIdentity, resource);
        Replies.json(request.response(), 200, new JsonObject()
                .put("access_token", token.jwt())
                .put("expires_on", Long.toString(token.expiresAt().getEpochSecond()))
                .put("resource", resource)
                .put("token_type", "Bearer")
                .put("client_id", host.get().clientId()));
    }

    /** Compares every secret in constant time so the answer's timing does not reveal a near miss. */
    private Optional<Identity> identityFor(String header) {
        byte[] given = header.getBytes(StandardCharsets.UTF_8);
        Identity found = null;
        for (Map.Entry<String, Identity> entry : identitiesByHeader.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private boolean selectorsName(HttpServerRequest request, Identity host) {
        String resourceId = issuer.managedIdentityResourceId(host);
        return Stream.of(
                        matches(request.getParam("client_id"), host.clientId()),
                        matches(request.getParam("object_id"), host.objectId()),
                        matches(request.getParam("principal_id"), host.objectId()),
                        matches(request.getParam("mi_res_id"), resourceId))
                .allMatch(Boolean::booleanValue);
    }

    private static boolean matches(String selector, String value) {
        return selector == null || selector.isEmpty() || selector.equalsIgnoreCase(value);
    }
}
