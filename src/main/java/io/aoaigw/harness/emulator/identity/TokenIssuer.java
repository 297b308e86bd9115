package io.aoaigw.harness.emulator.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aoaigw.harness.emulator.tls.MachineKeyCache;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * Signs v1.0 app-only access tokens as Entra ID issues them to service principals and managed identities, and keeps
 * the {@link TokenIssueLog}. The RSA key is the machine's (cached under {@code target/}); its public half is the JWKS. One key serves every
 * identity provider of the JVM, as Entra signs every tenant's tokens with the same published keys: generating a
 * 2048-bit key costs 0.2–0.7 s, which every topology start used to pay (the detection matrix starts ~20).
 */
final class TokenIssuer {
    private static final String KEY_ENTRY = "identity-rsa-key-v1.jwk";
    private static RSAKey sharedKey;
    private final Topology topology;
    private final RSAKey signingKey;
    private final Duration lifetime;
    private final TokenIssueLog log;

    private TokenIssuer(Topology topology, RSAKey signingKey, Duration lifetime, TokenIssueLog log) {
        this.topology = topology;
        this.signingKey = signingKey;
        this.lifetime = lifetime;
        this.log = log;
    }

    /** Generating the RSA key takes a noticeable moment: call this off the event loop. */
    static TokenIssuer create(Topology topology, Duration lifetime, TokenIssueLog log) {
        return new TokenIssuer(topology, signingKey(), lifetime, log);
    }

    /** The JVM's signing key: the machine's ({@link MachineKeyCache}), generated on first use. */
    static synchronized RSAKey signingKey() {
        if (sharedKey == null) {
            sharedKey = MachineKeyCache.machine().get(KEY_ENTRY, TokenIssuer::generateKey, RSAKey::toJSONString,
                    TokenIssuer::parseKey);
        }
        return sharedKey;
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(randomId(20)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the identity provider's signing key", e);
        }
    }

    private static Optional<RSAKey> parseKey(String json) {
        try {
            RSAKey key = RSAKey.parse(json);
            return key.isPrivate() && key.size() == 2048 ? Optional.of(key) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** v1.0 access tokens name the tenant's STS as issuer (not login.microsoftonline.com/.../v2.0). */
    static String issuerOf(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    String issuer() {
        return issuerOf(topology.tenantId());
    }

    Duration lifetime() {
        return lifetime;
    }

    JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    IssuedToken issue(Identity identity, TokenIssue.Grant grant, String resource) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        String audience = Audiences.normalize(resource);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(issuer())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim("appid", identity.clientId())
                // 1: authenticated with a secret; 2: a certificate, which is how managed identities authenticate
                .claim("appidacr", grant == TokenIssue.Grant.managedIdentity ? "2" : "1")
                .claim("idp", issuer())
                .claim("idtyp", "app")
                .claim("oid", identity.objectId())
                .subject(identity.objectId())
                .claim("tid", topology.tenantId())
                .claim("uti", randomId(16))
                .claim("ver", "1.0");
        if (identity.kind() == Identity.Kind.managedIdentity) {
            claims.claim("xms_mirid", managedIdentityResourceId(identity));
        }
        String jwt = sign(claims.build());
        log.issued(new TokenIssue(identity.name(), grant, identity.clientId(), identity.objectId(), audience, now,
                expires));
        return new IssuedToken(jwt, now, expires);
    }

    /**
     * The ARM id Azure puts in {@code xms_mirid}: APIM's system-assigned identity names the APIM service; any other
     * managed identity of the topology is modelled as a user-assigned identity resource of the resource group.
     */
    String managedIdentityResourceId(Identity identity) {
        String group = "/subscriptions/" + topology.subscriptionId() + "/resourcegroups/" + topology.resourceGroup();
        if (topology.apim() != null && identity.name().equals(topology.apim().identity())) {
            return group + "/providers/Microsoft.ApiManagement/service/" + topology.apim().name();
        }
        return group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + identity.name();
    }

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    static String randomId(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    record IssuedToken(String jwt, Instant issuedAt, Instant expiresAt) {
    }
}
