package io.aoaigw.harness.emulator.identity;

import java.time.Instant;

/** The claims of a validated access token that resources authorise on. */
public record ValidatedToken(String objectId, String tenantId, String audience, String appId, Instant expiresAt) {
}
