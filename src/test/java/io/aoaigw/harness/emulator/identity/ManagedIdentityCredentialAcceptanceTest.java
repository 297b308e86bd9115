package io.aoaigw.harness.emulator.identity;

import static io.aoaigw.harness.testsupport.IdentityEmulatorExtension.COGNITIVE_SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.Futures;
import io.aoaigw.harness.testsupport.IdentityEmulatorExtension;
import io.aoaigw.harness.testsupport.ManagedIdentityChild;
import io.aoaigw.harness.topology.Identity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** APIM's managed identity asking the App Service endpoint, with azure-identity and raw. */
class ManagedIdentityCredentialAcceptanceTest {
    @RegisterExtension
    static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();

    @TempDir
    Path dir;

    private String apimHeader() {
        return identity.emulator().identityHeaderFor(identity.apimIdentity().name());
    }

    @Test
    void managedIdentityCredentialOnAppServiceGetsATokenForApimsIdentity() {
        Identity apim = identity.apimIdentity();
        Endpoints.Tls trustStore = identity.tls().writeTrustStore(dir.resolve("truststore.p12"));

        ManagedIdentityChild.Result child = ManagedIdentityChild.acquireToken(
                identity.emulator().managedIdentityEndpoint(), apimHeader(), trustStore,
                COGNITIVE_SERVICES + "/.default");

        assertThat(child.exitCode()).as(child.output()).isZero();
        String token = child.token().orElseThrow(() -> new AssertionError("no token in: " + child.output()));
        JwksAccessTokenValidator validator = identity.validator(Clock.systemUTC());
        ValidatedToken validated = Futures.await(validator.validate(token, COGNITIVE_SERVICES));
        Futures.await(validator.close());
        assertThat(validated.objectId()).isEqualTo(apim.objectId());
        assertThat(validated.appId()).isEqualTo(apim.clientId());
        assertThat(identity.emulator().issueLog().issuesTo(apim.name())).anySatisfy(issue -> {
            assertThat(issue.grant()).isEqualTo(TokenIssue.Grant.managedIdentity);
            assertThat(issue.audience()).isEqualTo(COGNITIVE_SERVICES);
        });
    }

    @Test
    void managedIdentityCredentialWithAWrongIdentityHeaderFailsWithoutAToken() {
        Endpoints.Tls trustStore = identity.tls().writeTrustStore(dir.resolve("truststore.p12"));

        ManagedIdentityChild.Result child = ManagedIdentityChild.acquireToken(
                identity.emulator().managedIdentityEndpoint(), "not-" + apimHeader(), trustStore,
                COGNITIVE_SERVICES + "/.default");

        assertThat(child.exitCode()).as(child.output()).isEqualTo(1);
        assertThat(child.token()).isEmpty();
        assertThat(child.output()).contains("X-IDENTITY-HEADER value is not valid").doesNotContain("refused to send");
    }

    @Test
    void appServiceProtocolAnswersWithExpiresOnInEpochSecondsAndTheClientId() {
        given()
                .spec(identity.spec())
                .header("X-IDENTITY-HEADER", apimHeader())
                .queryParam("api-version", "2019-08-01")
                .queryParam("resource", "https://cognitiveservices.azure.com/")
                .when()
                .get("/msi/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("resource", equalTo("https://cognitiveservices.azure.com/"))
                .body("client_id", equalTo(identity.apimIdentity().clientId()))
                .body("expires_on", matchesPattern("\\d{10}"));
    }

    @Test
    void wrongIdentityHeaderIsRefusedWith401() {
        long before = identity.emulator().issueLog().counters().managedIdentityIssued();

        given()
                .spec(identity.spec())
                .header("X-IDENTITY-HEADER", "not-" + apimHeader())
                .queryParam("api-version", "2019-08-01")
                .queryParam("resource", COGNITIVE_SERVICES)
                .when()
                .get("/msi/token")
                .then()
                .statusCode(401)
                .body("statusCode", equalTo(401));
        assertThat(identity.emulator().issueLog().counters().managedIdentityIssued()).isEqualTo(before);
        assertThat(identity.emulator().issueLog().counters().refused()).containsKey("msi.401");
    }

    @Test
    void missingIdentityHeaderIsRefusedWith400() {
        given()
                .spec(identity.spec())
                .queryParam("api-version", "2019-08-01")
                .queryParam("resource", COGNITIVE_SERVICES)
                .when()
                .get("/msi/token")
                .then()
                .statusCode(400);
    }

    @Test
    void userAssignedClientIdThatIsNotTheHostsIdentityIsRefused() {
        given()
                .spec(identity.spec())
                .header("X-IDENTITY-HEADER", apimHeader())
                .queryParam("api-version", "2019-08-01")
                .queryParam("resource", COGNITIVE_SERVICES)
                .queryParam("client_id", UUID.randomUUID().toString())
                .when()
                .get("/msi/token")
                .then()
                .statusCode(400)
                .body("message", equalTo("No User Assigned or Delegated Managed Identity found for specified "
                        + "ClientId/ResourceId/PrincipalId."));
    }
}
