package io.aoaigw.harness.emulator.identity;

import java.time.Instant;

/**
 * One access token the emulator issued: who got it, for which audience, when. The token itself is never kept, so
 * the record can be shown by the admin API and in reports.
 */
public record TokenIssue(String identity, Grant grant, String clientId, String objectId, String audience,
                         Instant issuedAt, Instant expiresAt) {

    public enum Grant { clientCredentials, managedIdentity }
}
