package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S6 with an official SDK: openai-java in Azure mode reaches APIM unchanged with its {@code api-key} header. */
class OpenAiSdkAcceptanceTest {
    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        Gateway.await(vertx.close());
    }

    @Test
    void chatCompletionThroughTheGatewayWithAzureApiKeyCredential() throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().keyNames("api-key", null),
                Responders.chatCompletion("eastus", 30));
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.apim.gatewayUrl())
                .credential(AzureApiKeyCredential.create(ACTIVE_KEY))
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("gpt-4o")
                    .addUserMessage("Say hello")
                    .build());

            assertThat(completion.choices().get(0).message().content()).contains("Hello from eastus");
            assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(30));
        } finally {
            client.close();
        }
        assertThat(gateway.frontDoor.last().uri()).startsWith("/openai/deployments/gpt-4o/chat/completions?api-version=");
        assertThat(gateway.frontDoor.last().header("api-key")).isNull();
        assertThat(gateway.frontDoor.last().header("Authorization")).startsWith("Bearer mi-");
        assertThat(gateway.records(1)).last().satisfies(r -> {
            assertThat(r.operationId()).isEqualTo("ChatCompletions_Create");
            assertThat(r.keySource()).isEqualTo("header");
        });
    }
}
