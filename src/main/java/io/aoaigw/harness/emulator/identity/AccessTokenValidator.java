package io.aoaigw.harness.emulator.identity;

import io.vertx.core.Future;

/**
 * Validates a bearer token the way an Azure resource does: signature against the issuer's published keys, audience,
 * expiry and tenant. Resources (accounts, ARM) depend on this seam; the implementation fetches keys over HTTP.
 */
public interface AccessTokenValidator {

    /**
     * Succeeds with the token's claims, or fails with {@link InvalidTokenException} whose message says why
     * (missing, malformed, bad signature, wrong audience, expired, wrong tenant).
     *
     * @param audience the resource's audience, e.g. {@code https://cognitiveservices.azure.com}; a token whose
     *                 {@code aud} equals it with or without a trailing slash is accepted
     */
    Future<ValidatedToken> validate(String jwt, String audience);

    final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason, null, false, false);
        }
    }
}
