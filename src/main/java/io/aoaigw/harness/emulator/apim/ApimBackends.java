package io.aoaigw.harness.emulator.apim;

import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.util.Map;

/**
 * Where the emulated APIM sends traffic, all over real HTTP: the Front Door endpoint ({@code ${frontDoor}}, may be
 * null when Front Door is not running), the accounts ({@code ${account:NAME}}), and the App Service-protocol
 * managed-identity endpoint that issues tokens for APIM's identity ({@code GET endpoint?api-version=2019-08-01&resource=…}
 * with header {@code X-IDENTITY-HEADER: identityHeader}). {@code clientOptions} configure both outgoing clients; the
 * real identity endpoint is HTTPS with a self-signed certificate, trusted explicitly via
 * {@link HttpClientOptions#setTrustOptions}.
 */
public record ApimBackends(URI frontDoorUrl, Map<String, URI> accountUrls, URI managedIdentityEndpoint,
                           String identityHeader, HttpClientOptions clientOptions) {

    public ApimBackends {
        accountUrls = accountUrls == null ? Map.of() : Map.copyOf(accountUrls);
        clientOptions = clientOptions == null ? new HttpClientOptions() : new HttpClientOptions(clientOptions);
    }

    /** Never prints the identity header: it is a secret of APIM's identity. */
    @Override
    public String toString() {
        return "ApimBackends[frontDoorUrl=" + frontDoorUrl + ", accountUrls=" + accountUrls
                + ", managedIdentityEndpoint=" + managedIdentityEndpoint
                + ", identityHeader=" + (identityHeader == null ? "absent" : "present") + "]";
    }
}
