package io.aoaigw.harness.emulator.identity;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * OIDC discovery and the JWKS, the two documents a resource reads to validate tokens. Unlike Entra ID's, the
 * discovery issuer is the emulator's own authority, so nothing a client derives from it leaves the loopback.
 */
final class DiscoveryEndpoints {
    private final TokenIssuer issuer;
    private final Supplier<String> authorityHost;

    DiscoveryEndpoints(TokenIssuer issuer, Supplier<String> authorityHost) {
        this.issuer = issuer;
        this.authorityHost = authorityHost;
    }

    static String jwksPath(String tenant) {
        return "/" + tenant + "/discovery/v2.0/keys";
    }

    static String tokenPath(String tenant) {
        return "/" + tenant + "/oauth2/v2.0/token";
    }

    void openIdConfiguration(HttpServerRequest request, String tenant) {
        String tenantBase = authorityHost.get() + "/" + tenant;
        Replies.json(request.response(), 200, new JsonObject()
                .put("issuer", tenantBase + "/v2.0")
                .put("token_endpoint", authorityHost.get() + tokenPath(tenant))
                .put("authorization_endpoint", tenantBase + "/oauth2/v2.0/authorize")
                .put("jwks_uri", authorityHost.get() + jwksPath(tenant))
                .put("token_endpoint_auth_methods_supported",
                        new JsonArray().add("client_secret_post").add("private_key_jwt").add("client_secret_basic"))
                .put("grant_types_supported", new JsonArray().add("client_credentials"))
                .put("response_modes_supported", new JsonArray().add("query").add("fragment").add("form_post"))
                .put("subject_types_supported", new JsonArray().add("pairwise"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                .put("scopes_supported", new JsonArray().add("openid").add("profile").add("email")
                        .add("offline_access"))
                .put("request_uri_parameter_supported", false)
                .put("tenant_region_scope", "NA"));
    }

    void keys(HttpServerRequest request) {
        Replies.json(request.response(), 200, new JsonObject(issuer.publicKeys().toJSONObject(true)));
    }
}
