package io.aoaigw.harness.contract.support;

import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.aoaigw.harness.target.ResolvedTarget;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * The official SDK (openai-java) as a user configures it for the gateway: Azure mode, endpoint = the gateway, key =
 * a subscription key (sent as {@code api-key}). Legacy Azure paths ({@code /openai/deployments/…}) are explicit,
 * since the SDK recognises Azure by host name and a loopback or custom-domain gateway is not one it knows.
 */
public final class SdkChat {
    private final ResolvedTarget target;

    SdkChat(ResolvedTarget target) {
        this.target = target;
    }

    /** Runs one SDK call (charged to the budget, noted in the call log) on a client closed afterwards. */
    public <T> T call(Function<OpenAIClient, T> call) {
        target.budget().charge();
        target.calls().record("POST", URI.create(target.gatewayUrl() + "/openai/deployments/"
                + target.chatDeployment() + "/chat/completions"));
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder();
        target.trust().ifPresent(t -> builder.sslSocketFactory(t.sslContext().getSocketFactory())
                .trustManager(t.x509TrustManager()));
        OpenAIClient client = builder
                .baseUrl(target.gatewayUrl())
                .credential(AzureApiKeyCredential.create(target.keys().active()))
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            return call.apply(client);
        } finally {
            client.close();
        }
    }
}
