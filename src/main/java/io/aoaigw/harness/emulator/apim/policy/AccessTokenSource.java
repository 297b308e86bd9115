package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;

/** Issues access tokens for APIM's managed identity (the emulator asks the managed-identity endpoint over HTTP). */
public interface AccessTokenSource {

    /** @param clientId a user-assigned identity's client id, or null for the system-assigned identity */
    Future<String> token(String resource, String clientId);
}
