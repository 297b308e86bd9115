package io.aoaigw.harness.emulator.identity;

import static io.aoaigw.harness.testsupport.IdentityEmulatorExtension.COGNITIVE_SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator.InvalidTokenException;
import io.aoaigw.harness.testsupport.Futures;
import io.aoaigw.harness.testsupport.IdentityEmulatorExtension;
import io.aoaigw.harness.topology.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import io.aoaigw.harness.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a resource accepts and refuses, each refusal with its reason. */
class JwksAccessTokenValidatorTest {
    @RegisterExtension
    static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();

    private static String tokenFor(String resource) {
        Identity reader = identity.servicePrincipal();
        return given()
                .spec(identity.spec())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", reader.clientId())
                .formParam("client_secret", reader.clientSecret())
                .formParam("scope", resource + "/.default")
                .when()
                .post("/" + identity.emulator().tenantId() + "/oauth2/v2.0/token")
                .then()
                .statusCode(200)
                .extract().path("access_token");
    }

    private static Throwable refusal(JwksAccessTokenValidator validator, String token, String audience) {
        try {
            return Futures.failureOf(validator.validate(token, audience));
        } finally {
            Futures.await(validator.close());
        }
    }

    private static ValidatedToken accepted(JwksAccessTokenValidator validator, String token, String audience) {
        try {
            return Futures.await(validator.validate(token, audience));
        } finally {
            Futures.await(validator.close());
        }
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The emulator's token, re-signed by a key the emulator never published. */
    private static String resignedWith(String token, String kid) throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        forged.sign(new RSASSASigner(stranger));
        return forged.serialize();
    }

    @Test
    void audienceWithATrailingSlashIsTheSameAudience() {
        ValidatedToken validated = accepted(identity.validator(Clock.systemUTC()), tokenFor(COGNITIVE_SERVICES + "/"),
                COGNITIVE_SERVICES + "/");

        assertThat(validated.audience()).isEqualTo(COGNITIVE_SERVICES);
    }

    @Test
    void tokenPastItsExpiryIsRefusedAsExpired() {
        String token = tokenFor(COGNITIVE_SERVICES);
        Instant afterExpiry = Instant.now().plus(Duration.ofHours(1)).plus(JwksAccessTokenValidator.CLOCK_SKEW)
                .plusSeconds(5);

        Throwable failure = refusal(identity.validator(clockAt(afterExpiry)), token, COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("token expired at");
    }

    @Test
    void tokenUsedBeforeItsNotBeforeTimeIsRefused() {
        String token = tokenFor(COGNITIVE_SERVICES);
        Instant early = Instant.now().minus(Duration.ofMinutes(10));

        Throwable failure = refusal(identity.validator(clockAt(early)), token, COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("token not valid before");
    }

    @Test
    void tokenSignedByAnotherKeyUnderTheSameKidIsRefusedForItsSignature() throws Exception {
        String token = tokenFor(COGNITIVE_SERVICES);
        String forged = resignedWith(token, SignedJWT.parse(token).getHeader().getKeyID());

        Throwable failure = refusal(identity.validator(Clock.systemUTC()), forged, COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("bad signature");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefusedAfterExactlyOneRefetch() throws Exception {
        JwksAccessTokenValidator validator = identity.validator(Clock.systemUTC());
        Futures.await(validator.validate(tokenFor(COGNITIVE_SERVICES), COGNITIVE_SERVICES));
        String forged = resignedWith(tokenFor(COGNITIVE_SERVICES), "unknown-" + UUID.randomUUID());

        Throwable failure = refusal(validator, forged, COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("no RSA signing key with kid");
        assertThat(validator.jwksFetches()).isEqualTo(2);
    }

    @Test
    void keysAreFetchedOnceForManyValidations() {
        JwksAccessTokenValidator validator = identity.validator(Clock.systemUTC());
        String token = tokenFor(COGNITIVE_SERVICES);

        for (int i = 0; i < 5; i++) {
            Futures.await(validator.validate(token, COGNITIVE_SERVICES));
        }

        assertThat(validator.jwksFetches()).isEqualTo(1);
        Futures.await(validator.close());
    }

    @Test
    void aTokenPresentedAgainIsNotVerifiedAgainButItsClaimsAre() {
        MutableClock clock = new MutableClock(Instant.now());
        JwksAccessTokenValidator validator = identity.validator(clock);
        String token = tokenFor(COGNITIVE_SERVICES);

        for (int i = 0; i < 5; i++) {
            Futures.await(validator.validate(token, COGNITIVE_SERVICES));
        }
        Throwable otherAudience = Futures.failureOf(validator.validate(token, "https://management.azure.com/"));
        clock.advance(Duration.ofHours(1).plus(JwksAccessTokenValidator.CLOCK_SKEW).plusSeconds(5));
        Throwable expired = refusal(validator, token, COGNITIVE_SERVICES);

        assertThat(validator.signatureChecks()).isEqualTo(1);
        assertThat(otherAudience).hasMessageStartingWith("wrong audience");
        assertThat(expired).hasMessageStartingWith("token expired at");
    }

    @Test
    void aForgedTokenIsCheckedEvenAfterTheGenuineOneWasRemembered() throws Exception {
        JwksAccessTokenValidator validator = identity.validator(Clock.systemUTC());
        String token = tokenFor(COGNITIVE_SERVICES);
        Futures.await(validator.validate(token, COGNITIVE_SERVICES));
        String forged = resignedWith(token, SignedJWT.parse(token).getHeader().getKeyID());

        Throwable failure = refusal(validator, forged, COGNITIVE_SERVICES);

        assertThat(failure).hasMessageStartingWith("bad signature");
        assertThat(validator.signatureChecks()).isEqualTo(2);
    }

    @Test
    void tokenOfTheRightIssuerButAnotherTenantIsRefused() {
        JwksAccessTokenValidator otherTenant = new JwksAccessTokenValidator(identity.vertx(),
                identity.emulator().jwksUri(), UUID.randomUUID().toString(), identity.tls().trust());

        Throwable failure = refusal(otherTenant, tokenFor(COGNITIVE_SERVICES), COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("wrong tenant");
    }

    @Test
    void somethingThatIsNotAJwtIsRefusedAsMalformed() {
        Throwable failure = refusal(identity.validator(Clock.systemUTC()), "not-a-jwt", COGNITIVE_SERVICES);

        assertThat(failure).isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("malformed token");
    }

    @Test
    void validatorRefusesAKeySetOutsideTheLoopback() {
        assertThat(catchThrowable(() -> new JwksAccessTokenValidator(
                identity.vertx(), "https://login.microsoftonline.com/common/discovery/keys",
                identity.emulator().tenantId(), identity.tls().trust())))
                .hasMessageContaining("only 127.0.0.1");
    }
}
