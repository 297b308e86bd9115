package io.aoaigw.harness.emulator.identity;

import java.util.Map;

/** Totals of the identity emulator: tokens issued per grant, and refusals per error (AADSTS code or HTTP status). */
public record IdentityCounters(long clientCredentialsIssued, long managedIdentityIssued, Map<String, Long> refused) {
}
