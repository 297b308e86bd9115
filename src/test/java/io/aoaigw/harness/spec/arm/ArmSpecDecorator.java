package io.aoaigw.harness.spec.arm;

import com.azure.core.http.HttpClient;
import io.aoaigw.harness.target.ArmClientDecorator;

/** Registers the opt-in spec check ({@code -Dharness.validateSpec=true}) on every target's ARM client. */
public final class ArmSpecDecorator implements ArmClientDecorator {
    @Override
    public HttpClient decorate(HttpClient client) {
        return ArmSpecHttpClient.wrapIfEnabled(client);
    }
}
