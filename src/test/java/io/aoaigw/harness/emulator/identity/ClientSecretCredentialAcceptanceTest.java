package io.aoaigw.harness.emulator.identity;

import static io.aoaigw.harness.testsupport.IdentityEmulatorExtension.COGNITIVE_SERVICES;
import static io.aoaigw.harness.testsupport.IdentityEmulatorExtension.MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.aoaigw.harness.testsupport.AzureCredentials;
import io.aoaigw.harness.testsupport.Futures;
import io.aoaigw.harness.testsupport.IdentityEmulatorExtension;
import io.aoaigw.harness.topology.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** azure-identity's ClientSecretCredential (MSAL underneath) against the emulated Entra ID. */
class ClientSecretCredentialAcceptanceTest {
    @RegisterExtension
    static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();

    private final JwksAccessTokenValidator validator = identity.validator(Clock.systemUTC());

    @AfterEach
    void closeValidator() {
        Futures.await(validator.close());
    }

    private TokenCredential credential(String secret) {
        IdentityEmulator emulator = identity.emulator();
        return AzureCredentials.clientSecret(emulator.authorityHost(), emulator.tenantId(),
                identity.servicePrincipal().clientId(), secret, identity.tls().trust());
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + failure);
    }

    private static AccessToken tokenFor(TokenCredential credential, String resource) {
        return credential.getTokenSync(new TokenRequestContext().addScopes(resource + "/.default"));
    }

    @Test
    void servicePrincipalGetsACognitiveServicesTokenThatTheValidatorAccepts() {
        Identity reader = identity.servicePrincipal();

        AccessToken token = tokenFor(credential(reader.clientSecret()), COGNITIVE_SERVICES);
        ValidatedToken validated = Futures.await(validator.validate(token.getToken(), COGNITIVE_SERVICES));

        assertThat(validated.objectId()).isEqualTo(reader.objectId());
        assertThat(validated.tenantId()).isEqualTo(identity.topology().tenantId());
        assertThat(validated.audience()).isEqualTo(COGNITIVE_SERVICES);
        assertThat(validated.appId()).isEqualTo(reader.clientId());
        assertThat(token.getExpiresAt()).isBetween(OffsetDateTime.now().plusMinutes(55),
                OffsetDateTime.now().plusMinutes(61));
    }

    @Test
    void issuedTokenIsRecordedWithWhoAndWhichAudience() {
        Identity reader = identity.servicePrincipal();
        long before = identity.emulator().issueLog().counters().clientCredentialsIssued();

        tokenFor(credential(reader.clientSecret()), MANAGEMENT);

        assertThat(identity.emulator().issueLog().counters().clientCredentialsIssued()).isEqualTo(before + 1);
        assertThat(identity.emulator().issueLog().issuesTo(reader.name()))
                .anySatisfy(issue -> {
                    assertThat(issue.audience()).isEqualTo(MANAGEMENT);
                    assertThat(issue.grant()).isEqualTo(TokenIssue.Grant.clientCredentials);
                    assertThat(issue.objectId()).isEqualTo(reader.objectId());
                    assertThat(Duration.between(issue.issuedAt(), issue.expiresAt())).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void wrongSecretFailsWithTheAadstsErrorSurfaced() {
        TokenCredential credential = credential("not-the-secret");

        Throwable failure = catchThrowable(() -> tokenFor(credential, COGNITIVE_SERVICES));

        assertThat(failure).hasMessageContaining("AADSTS7000215: Invalid client secret provided.");
        assertThat(causeOf(failure, MsalServiceException.class)).satisfies(msal -> {
            assertThat(msal.errorCode()).isEqualTo("invalid_client");
            assertThat(msal.statusCode()).isEqualTo(401);
        });
        assertThat(identity.emulator().issueLog().counters().refused()).containsKey("AADSTS7000215");
    }

    @Test
    void managementTokenIsRefusedForTheCognitiveServicesAudience() {
        AccessToken token = tokenFor(credential(identity.servicePrincipal().clientSecret()), MANAGEMENT);

        Throwable failure = Futures.failureOf(validator.validate(token.getToken(), COGNITIVE_SERVICES));

        assertThat(failure).isInstanceOf(AccessTokenValidator.InvalidTokenException.class)
                .hasMessageContaining("wrong audience").hasMessageContaining(MANAGEMENT);
    }
}
