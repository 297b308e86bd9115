package io.aoaigw.harness.emulator.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Validates bearer tokens as an Azure resource does, against the keys the identity emulator publishes: RS256
 * signature by a key of the JWKS (fetched once, fetched again once for an unknown kid), {@code exp}/{@code nbf}
 * with a small clock skew, audience with or without trailing slash, tenant and issuer. Parsing and RSA verification
 * are short CPU work; the only I/O, the JWKS fetch, is asynchronous, so calling this on an event loop is safe.
 * A token whose signature was verified is remembered with the key that verified it (a caller such as APIM sends the
 * same token for its whole life): the RSA check was a fifth of a chained request's CPU. The claims are checked on
 * every call, so expiry still applies; a refreshed key set verifies again.
 */
public final class JwksAccessTokenValidator implements AccessTokenValidator {
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final int REMEMBERED_TOKENS = 1024;

    private final JwksCache keys;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder signatureChecks = new LongAdder();
    private final String tenantId;
    private final Clock clock;

    /**
     * @param jwksUri  the emulator's {@code jwks_uri} (loopback only), e.g. {@link IdentityEmulator#jwksUri()}
     * @param tenantId the tenant whose tokens the resource accepts
     * @param trust    what the HTTPS client trusts (the emulator's certificate)
     * @param clock    the resource's clock, for expiry checks
     */
    public JwksAccessTokenValidator(Vertx vertx, String jwksUri, String tenantId, TrustMaterial trust, Clock clock) {
        this.keys = new JwksCache(vertx, URI.create(jwksUri), trust);
        this.tenantId = tenantId;
        this.clock = clock;
    }

    public JwksAccessTokenValidator(Vertx vertx, String jwksUri, String tenantId, TrustMaterial trust) {
        this(vertx, jwksUri, tenantId, trust, Clock.systemUTC());
    }

    /** How often the JWKS was fetched (ground truth for caching). */
    public long jwksFetches() {
        return keys.fetches();
    }

    /** How many RSA signature checks were made (ground truth for remembering verified tokens). */
    public long signatureChecks() {
        return signatureChecks.sum();
    }

    public Future<Void> close() {
        return keys.close();
    }

    @Override
    public Future<ValidatedToken> validate(String jwt, String audience) {
        if (jwt == null || jwt.isBlank()) {
            return invalid("missing token");
        }
        Verified seen = verified.get(jwt);
        if (seen != null) {
            return keys.keys().compose(set -> set.getKeyByKeyId(seen.kid()) == seen.key()
                    ? checkClaims(seen.claims(), audience)
                    : verifyAgain(jwt, audience));
        }
        return verifyAgain(jwt, audience);
    }

    private Future<ValidatedToken> verifyAgain(String jwt, String audience) {
        verified.remove(jwt);
        SignedJWT token;
        try {
            token = SignedJWT.parse(jwt.trim());
        } catch (ParseException e) {
            return invalid("malformed token: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm())) {
            return invalid("unsupported algorithm " + token.getHeader().getAlgorithm() + " (expected RS256)");
        }
        String kid = token.getHeader().getKeyID();
        if (kid == null) {
            return invalid("token header has no kid");
        }
        Future<JWKSet> known = keys.keys();
        return known
                .compose(set -> set.getKeyByKeyId(kid) != null ? Future.succeededFuture(set) : keys.refreshAfter(known))
                .recover(e -> e instanceof InvalidTokenException ? Future.failedFuture(e)
                        : invalid("cannot fetch signing keys from " + keys.uri() + ": " + e.getMessage()))
                .compose(set -> verify(jwt, token, set.getKeyByKeyId(kid), kid, audience));
    }

    private Future<ValidatedToken> verify(String jwt, SignedJWT token, JWK key, String kid, String audience) {
        if (!(key instanceof RSAKey rsaKey)) {
            return invalid("no RSA signing key with kid " + kid + " at " + keys.uri());
        }
        try {
            signatureChecks.increment();
            if (!token.verify(new RSASSAVerifier(rsaKey))) {
                return invalid("bad signature: the token was not signed by key " + kid + " of the issuer");
            }
            JWTClaimsSet claims = token.getJWTClaimsSet();
            remember(jwt, new Verified(kid, key, claims));
            return checkClaims(claims, audience);
        } catch (JOSEException | ParseException e) {
            return invalid("cannot verify the token: " + e.getMessage());
        }
    }

    private void remember(String jwt, Verified entry) {
        if (verified.size() >= REMEMBERED_TOKENS) {
            verified.clear(); // bounded: a caller presenting many tokens pays the RSA check again, nothing more
        }
        verified.put(jwt, entry);
    }

    private Future<ValidatedToken> checkClaims(JWTClaimsSet claims, String audience) {
        try {
            return checkClaimsOf(claims, audience);
        } catch (ParseException e) {
            return invalid("cannot verify the token: " + e.getMessage());
        }
    }

    private Future<ValidatedToken> checkClaimsOf(JWTClaimsSet claims, String audience) throws ParseException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return invalid("token has no exp");
        }
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            return invalid("token expired at " + exp.toInstant() + " (now " + now + ")");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(CLOCK_SKEW))) {
            return invalid("token not valid before " + nbf.toInstant() + " (now " + now + ")");
        }
        String expected = Audiences.normalize(audience);
        List<String> audiences = claims.getAudience();
        if (audiences.stream().map(Audiences::normalize).noneMatch(expected::equals)) {
            return invalid("wrong audience: token is for " + audiences + ", this resource is " + expected);
        }
        String tid = claims.getStringClaim("tid");
        if (tid == null || !tid.equalsIgnoreCase(tenantId)) {
            return invalid("wrong tenant: token is from tenant " + tid + ", expected " + tenantId);
        }
        if (!acceptedIssuers().contains(String.valueOf(claims.getIssuer()).toLowerCase(Locale.ROOT))) {
            return invalid("wrong issuer " + claims.getIssuer() + " for tenant " + tenantId);
        }
        String oid = claims.getStringClaim("oid");
        if (oid == null) {
            return invalid("token has no oid");
        }
        return Future.succeededFuture(new ValidatedToken(oid, tid, audiences.get(0), claims.getStringClaim("appid"),
                exp.toInstant()));
    }

    /** v1.0 and v2.0 access-token issuers of the tenant, both of which Azure resources accept. */
    private List<String> acceptedIssuers() {
        String tenant = tenantId.toLowerCase(Locale.ROOT);
        return List.of(TokenIssuer.issuerOf(tenant), "https://login.microsoftonline.com/" + tenant + "/v2.0");
    }

    /** A token whose signature {@code key} (of the key set then current, under {@code kid}) verified. */
    private record Verified(String kid, JWK key, JWTClaimsSet claims) {
    }

    private static <T> Future<T> invalid(String reason) {
        return Future.failedFuture(new InvalidTokenException(reason));
    }
}
