package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.aoaigw.harness.topology.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, in Azure mode with an api key, talks to the emulated account unchanged. */
class OpenAiSdkAgainstAccountTest {
    private static final String SYSTEM = "You answer in one paragraph.";
    private static final Deployment GPT4O = TestAccounts.gpt4o(1_000_000, 100_000, 30, 60);
    private static RunningAccount account;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        account = RunningAccount.start(TestAccounts.account(TestAccounts.FAST, GPT4O, TestAccounts.embeddings()));
        client = OpenAIOkHttpClient.builder()
                .baseUrl(account.emulator.endpoint())
                .credential(AzureApiKeyCredential.create(account.key()))
                .azureServiceVersion(AzureOpenAIServiceVersion.fromString(RunningAccount.API_VERSION))
                // a 127.0.0.1 endpoint is not recognised as Azure by host name: ask for the deployment-path layout
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        account.close();
    }

    @Test
    void nonStreamingChatReturnsTheDeterministicAnswerWithConsistentUsage() {
        String user = "Tell me about lighthouses.";
        ChatCompletion completion = client.chat().completions().create(params(user).build());

        AnswerPlan expected = ExpectedAnswers.plan(GPT4O, SYSTEM, user, null, List.of());
        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content).isEqualTo(expected.text());
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.completionTokens()).isEqualTo(ExpectedAnswers.O200K.countTokens(content))
                .isBetween((long) GPT4O.completion().minTokens(), (long) GPT4O.completion().maxTokens());
        assertThat(usage.promptTokens()).isEqualTo(ExpectedAnswers.promptTokens(SYSTEM, user));
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
    }

    @Test
    void streamingChatDeliversOneTokenPerChunkAndAFinalUsageChunk() {
        String user = "Tell me about tides.";
        List<String> pieces = new ArrayList<>();
        List<String> finishReasons = new ArrayList<>();
        List<CompletionUsage> usages = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(user)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.usage().ifPresent(usages::add);
                chunk.choices().forEach(choice -> {
                    choice.delta().content().filter(c -> !c.isEmpty()).ifPresent(pieces::add);
                    choice.finishReason().ifPresent(reason -> finishReasons.add(reason.asString()));
                });
            });
        }

        String text = String.join("", pieces);
        assertThat(text).isEqualTo(ExpectedAnswers.plan(GPT4O, SYSTEM, user, null, List.of()).text());
        assertThat(finishReasons).containsExactly("stop");
        assertThat(usages).singleElement().satisfies(usage -> {
            assertThat(usage.completionTokens()).isEqualTo(pieces.size())
                    .isEqualTo(ExpectedAnswers.O200K.countTokens(text));
            assertThat(usage.promptTokens()).isEqualTo(ExpectedAnswers.promptTokens(SYSTEM, user));
        });
    }

    @Test
    void maxTokensBelowTheNaturalLengthEndsWithFinishReasonLength() {
        String user = "Tell me about glaciers.";
        long limit = GPT4O.completion().minTokens() - 5;
        ChatCompletion completion = client.chat().completions().create(params(user).maxTokens(limit).build());

        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(limit);
        assertThat(ExpectedAnswers.O200K.countTokens(content)).isEqualTo(limit);
        assertThat(ExpectedAnswers.plan(GPT4O, SYSTEM, user, null, List.of()).text()).startsWith(content);
    }

    @Test
    void stopSequenceCutsTheAnswerBeforeItWithFinishReasonStop() {
        String user = "Tell me about volcanoes.";
        String whole = ExpectedAnswers.plan(GPT4O, SYSTEM, user, null, List.of()).text();
        String[] words = whole.trim().split("[ .,]+");
        String stop = " " + words[words.length / 2];

        ChatCompletion completion = client.chat().completions().create(params(user).stop(stop).build());

        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content).isEqualTo(whole.substring(0, whole.indexOf(stop))).doesNotContain(stop);
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(completion.usage().orElseThrow().completionTokens())
                .isEqualTo(ExpectedAnswers.O200K.countTokens(content));
    }

    @Test
    void embeddingsAreUnitVectorsOfTheRequestedSizeAndStablePerText() {
        CreateEmbeddingResponse first = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("the quick brown fox").build());
        CreateEmbeddingResponse again = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("the quick brown fox").build());
        CreateEmbeddingResponse shortened = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("the quick brown fox").dimensions(256).build());

        List<Float> vector = first.data().get(0).embedding();
        assertThat(vector).hasSize(1536).isEqualTo(again.data().get(0).embedding());
        assertThat(norm(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(shortened.data().get(0).embedding()).hasSize(256);
        assertThat(first.usage().promptTokens()).isEqualTo(
                com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                        .getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE)
                        .countTokens("the quick brown fox"));
    }

    private static ChatCompletionCreateParams.Builder params(String user) {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addSystemMessage(SYSTEM).addUserMessage(user);
    }

    private static double norm(List<Float> vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
