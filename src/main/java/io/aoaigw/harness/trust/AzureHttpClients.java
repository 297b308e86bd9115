package io.aoaigw.harness.trust;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Configuration;
import io.aoaigw.harness.emulator.tls.LoopbackOnlyHttpClient;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.netty.resolver.DefaultAddressResolverGroup;

/**
 * azure-core HTTP clients for the harness's Azure SDK code (credentials, management clients) aimed at the emulator;
 * harness code, so the emulator itself never depends on azure-core's client stack.
 */
public final class AzureHttpClients {
    private AzureHttpClients() {
    }

    /**
     * A Netty client that trusts only the emulator's certificate, wrapped in {@link LoopbackOnlyHttpClient}.
     * {@link Configuration#NONE} keeps HTTPS_PROXY and friends from the environment out (a proxy would be a
     * non-loopback hop); the JDK resolver answers "localhost" from the hosts file without a DNS packet.
     */
    public static HttpClient loopbackOnly(TrustMaterial trust) {
        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
                .resolver(DefaultAddressResolverGroup.INSTANCE)
                .secure(spec -> spec.sslContext(trust.nettyClientSslContext()));
        HttpClient client = new NettyAsyncHttpClientBuilder(netty).configuration(Configuration.NONE).build();
        return new LoopbackOnlyHttpClient(client);
    }
}
