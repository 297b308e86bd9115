package io.aoaigw.harness.emulator.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aoaigw.harness.testsupport.IdentityEmulatorExtension;
import io.aoaigw.harness.topology.Identity;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token, discovery and key endpoints over raw HTTPS, as Entra ID answers them. */
class TokenEndpointAcceptanceTest {
    @RegisterExtension
    static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();

    private String tenant() {
        return identity.emulator().tenantId();
    }

    private ValidatableResponse clientCredentials(String tenant, String clientId, String secret, String scope) {
        return given()
                .spec(identity.spec())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .formParam("scope", scope)
                .formParam("client_info", "1")
                .when()
                .post("/" + tenant + "/oauth2/v2.0/token")
                .then();
    }

    @Test
    void clientCredentialsWithMsalScopesInAnyOrderAnswersABearerToken() {
        Identity reader = identity.servicePrincipal();

        clientCredentials(tenant(), reader.clientId(), reader.clientSecret(),
                "offline_access https://cognitiveservices.azure.com/.default openid profile")
                .statusCode(200)
                .header("Cache-Control", "no-store, no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3599))
                .body("ext_expires_in", equalTo(3599))
                .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
    }

    @Test
    void unknownTenantIsRefusedWithAadsts90002() {
        Identity reader = identity.servicePrincipal();
        String otherTenant = UUID.randomUUID().toString();

        clientCredentials(otherTenant, reader.clientId(), reader.clientSecret(),
                "https://cognitiveservices.azure.com/.default")
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", startsWith("AADSTS90002: Tenant '" + otherTenant + "' not found."))
                .body("error_codes", contains(90002));
    }

    @Test
    void unknownClientIsRefusedWithAadsts700016() {
        String stranger = UUID.randomUUID().toString();

        clientCredentials(tenant(), stranger, "whatever", "https://cognitiveservices.azure.com/.default")
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"))
                .body("error_description", startsWith("AADSTS700016: Application with identifier '" + stranger
                        + "' was not found in the directory '" + tenant() + "'."))
                .body("error_codes", contains(700016));
    }

    @Test
    void managedIdentityCannotUseTheClientCredentialsGrant() {
        clientCredentials(tenant(), identity.apimIdentity().clientId(), "guess",
                "https://cognitiveservices.azure.com/.default")
                .statusCode(400)
                .body("error_codes", contains(700016));
    }

    @Test
    void wrongSecretIsRefusedWithAadsts7000215AndEchoesTheClientRequestId() {
        Identity reader = identity.servicePrincipal();
        String requestId = UUID.randomUUID().toString();

        given()
                .spec(identity.spec())
                .header("client-request-id", requestId)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", reader.clientId())
                .formParam("client_secret", "wrong")
                .formParam("scope", "https://cognitiveservices.azure.com/.default")
                .when()
                .post("/" + tenant() + "/oauth2/v2.0/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", startsWith("AADSTS7000215: Invalid client secret provided."))
                .body("error_codes", contains(7000215))
                .body("correlation_id", equalTo(requestId))
                .body("trace_id", notNullValue())
                .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void scopeWithoutDotDefaultIsRefusedAsInvalidScope() {
        Identity reader = identity.servicePrincipal();

        clientCredentials(tenant(), reader.clientId(), reader.clientSecret(), "openid profile")
                .statusCode(400)
                .body("error", equalTo("invalid_scope"))
                .body("error_codes", contains(1002012));
    }

    @Test
    void missingGrantTypeIsRefusedNamingTheParameter() {
        given()
                .spec(identity.spec())
                .formParam("client_id", identity.servicePrincipal().clientId())
                .when()
                .post("/" + tenant() + "/oauth2/v2.0/token")
                .then()
                .statusCode(400)
                .body("error_description", startsWith("AADSTS900144: The request body must contain the following "
                        + "parameter: 'grant_type'."));
    }

    @Test
    void getOnTheTokenEndpointIsRefusedWithAadsts900561() {
        given()
                .spec(identity.spec())
                .when()
                .get("/" + tenant() + "/oauth2/v2.0/token")
                .then()
                .statusCode(400)
                .body("error_codes", contains(900561));
    }

    @Test
    void discoveryNamesTheTokenEndpointAndTheKeysOfTheTenant() {
        IdentityEmulator emulator = identity.emulator();

        given()
                .spec(identity.spec())
                .when()
                .get("/" + tenant() + "/v2.0/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("token_endpoint", equalTo(emulator.tokenEndpoint()))
                .body("jwks_uri", equalTo(emulator.jwksUri()))
                .body("issuer", equalTo(emulator.authorityHost() + "/" + tenant() + "/v2.0"));
    }

    @Test
    void tenantAndCommonKeysPublishTheSameRsaSigningKey() {
        String tenantKid = given().spec(identity.spec()).when().get("/" + tenant() + "/discovery/v2.0/keys")
                .then().statusCode(200).body("keys[0].kty", equalTo("RSA")).body("keys[0].use", equalTo("sig"))
                .extract().path("keys[0].kid");
        String commonKid = given().spec(identity.spec()).when().get("/common/discovery/keys")
                .then().statusCode(200).extract().path("keys[0].kid");

        assertThat(commonKid).isNotBlank().isEqualTo(tenantKid);
        given().spec(identity.spec()).when().get("/" + tenant() + "/discovery/v2.0/keys")
                .then().body("keys[0].d", equalTo(null));
    }
}
