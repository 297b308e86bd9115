package io.aoaigw.harness.emulator.identity;

import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} for the client-credentials grant: a service principal of the topology
 * authenticates with its secret and asks for {@code <resource>/.default}. Other scopes MSAL adds (openid, profile,
 * offline_access) are ignored, as Entra ID ignores them for app-only tokens. The tenant is checked by the router.
 */
final class TokenEndpoint {
    private final Topology topology;
    private final TokenIssuer issuer;
    private final Refusals refusals;

    TokenEndpoint(Topology topology, TokenIssuer issuer, Refusals refusals) {
        this.topology = topology;
        this.issuer = issuer;
        this.refusals = refusals;
    }

    void handle(HttpServerRequest request) {
        request.body()
                .onSuccess(body -> answer(request, new QueryStringDecoder(body.toString(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8, false).parameters()))
                .onFailure(e -> request.response().setStatusCode(400).end());
    }

    private void answer(HttpServerRequest request, Map<String, List<String>> form) {
        String grant = first(form, "grant_type");
        String clientId = first(form, "client_id");
        String scope = first(form, "scope");
        if (grant == null || clientId == null || scope == null) {
            refusals.entra(request, EntraError.MISSING_PARAMETER,
                    grant == null ? "grant_type" : clientId == null ? "client_id" : "scope");
            return;
        }
        if (!grant.equals("client_credentials")) {
            refusals.entra(request, EntraError.UNSUPPORTED_GRANT, grant);
            return;
        }
        Optional<Identity> principal = servicePrincipal(clientId);
        if (principal.isEmpty()) {
            refusals.entra(request, EntraError.UNKNOWN_CLIENT, clientId, topology.tenantId());
            return;
        }
        String secret = first(form, "client_secret");
        if (secret == null) {
            refusals.entra(request, EntraError.MISSING_SECRET);
            return;
        }
        if (!sameSecret(secret, principal.get().clientSecret())) {
            refusals.entra(request, EntraError.BAD_SECRET, clientId);
            return;
        }
        List<String> resources = Arrays.stream(scope.trim().split("\\s+")).filter(Audiences::isDefaultScope)
                .map(Audiences::resourceOfScope).distinct().toList();
        if (resources.size() != 1) {
            refusals.entra(request, resources.isEmpty() ? EntraError.SCOPE_WITHOUT_DEFAULT
                    : EntraError.SCOPE_WITH_MANY_RESOURCES, scope);
            return;
        }
        TokenIssuer.IssuedToken token = issuer.issue(principal.get(), TokenIssue.Grant.clientCredentials,
                resources.get(0));
        // Entra answers one second short of the token's lifetime (3599 for an hour)
        long expiresIn = Math.max(0, issuer.lifetime().toSeconds() - 1);
        Replies.json(request.response(), 200, new JsonObject()
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn)
                .put("access_token", token.jwt()));
    }

    private Optional<Identity> servicePrincipal(String clientId) {
        return topology.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.servicePrincipal && clientId.equalsIgnoreCase(i.clientId()))
                .findFirst();
    }

    private static boolean sameSecret(String given, String expected) {
        return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
