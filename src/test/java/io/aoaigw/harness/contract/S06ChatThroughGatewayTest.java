package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.aoaigw.harness.contract.support.Gateway;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.InsideView;
import io.aoaigw.harness.contract.support.RawStream;
import io.aoaigw.harness.contract.support.StreamHolders;
import io.aoaigw.harness.contract.support.Traffic;
import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.inventory.DiagnosticInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S6: chat completions end to end through the gateway, raw and with the official SDK, whole and streamed. */
@ContractStep(id = "S6", title = "Chat end to end",
        correct = "A chat completion through the gateway works non-streamed and streamed, with raw HTTP and with the "
                + "official SDK (openai-java, Azure mode, endpoint = gateway, key = subscription key); a stream is "
                + "passed through as it is produced, not buffered; nothing in APIM (tier, body logging, buffering "
                + "policies) holds or cuts a stream.")
class S06ChatThroughGatewayTest {
    /** Few tokens: a short stream stays under APIM's 8 KB buffer, so buffering shows as one late piece. */
    private static final int STREAM_TOKENS = 12;
    /** A live stream's content frames spread over (n − 1) inter-token gaps; a buffered one arrives at once. */
    private static final double BUFFERED_SPREAD_MS = 20;
    private static final double BUFFERED_SHARE = 0.8;
    /** A stream the account wrote faster than this shows nothing about the gateway: it is sent again. */
    private static final double MIN_SOURCE_SPREAD_MS = 50;
    private static final int STREAM_ATTEMPTS = 3;

    private final ResolvedTarget target;
    private final Gateway gateway;

    S06ChatThroughGatewayTest(ResolvedTarget target) {
        this.target = target;
        this.gateway = Gateway.of(target);
    }

    @Test
    @Requires(GATEWAY)
    void rawHttpChatCompletes(Check check) {
        Response answer = Traffic.chat(target, 5);

        ContractFailure.unless(answer.statusCode() == 200, "a chat through gateway %s failed: %s",
                target.gatewayUrl(), GatewayAnswers.explain(answer));
        String content = answer.path("choices[0].message.content");
        ContractFailure.unless(content != null && !content.isBlank(), "a chat through the gateway answered 200 "
                + "without choices[0].message.content: the gateway rewrites the answer — check its outbound policy");
        check.detail("200 from region %s, %s completion tokens", answer.getHeader("x-ms-region"),
                answer.path("usage.completion_tokens"));
    }

    @Test
    @Requires(GATEWAY)
    void rawHttpStreamIsServerSentEventsEndingWithDone(Check check) {
        RawStream.Result stream = gateway.stream(STREAM_TOKENS);

        ContractFailure.unless(stream.status() == 200, "a streamed chat through gateway %s failed: %s",
                target.gatewayUrl(), GatewayAnswers.explain(stream.status(), String.join("\n", stream.frames()),
                        stream.headers().firstValue("x-ms-region").orElse(null)));
        ContractFailure.unless(stream.contentType().startsWith("text/event-stream"), "a streamed chat answered "
                + "content type '%s', not text/event-stream: the gateway transforms the stream — check its policy",
                stream.contentType());
        ContractFailure.unless(stream.frames().stream().anyMatch(f -> f.contains("chat.completion.chunk"))
                && !stream.frames().isEmpty() && stream.frames().get(stream.frames().size() - 1).equals("data: [DONE]"),
                "a streamed chat did not come as chat.completion.chunk frames ending with data: [DONE] (%d frames): "
                        + "the gateway cut or rewrote the stream", stream.frames().size());
        check.detail("%d frames, ending with [DONE]", stream.frames().size());
    }

    @Test
    @Requires(GATEWAY)
    void streamIsNotBufferedByTheGateway(Check check) {
        check.insideViewOr(InsideView.of(target),
                view -> judgeStreams(check, stream -> againstTheAccountsWriteTimes(view, stream)),
                "the stream's client-side timing (tokens spread out, not in one piece at the end)",
                () -> judgeStreams(check, S06ChatThroughGatewayTest::byClientTiming));
    }

    /** What one stream says: live (with how it was seen), buffered (with the evidence), or nothing (null both). */
    private record Verdict(String live, String buffered) {
    }

    /**
     * Up to {@value #STREAM_ATTEMPTS} streams: one seen live passes; failing needs every judged stream to look
     * buffered (a stalled machine can bunch one stream's frames, a buffering gateway bunches them all).
     */
    private void judgeStreams(Check check, Function<RawStream.Result, Verdict> judge) {
        String buffered = null;
        for (int attempt = 1; attempt <= STREAM_ATTEMPTS; attempt++) {
            RawStream.Result stream = contentStream();
            Verdict verdict = judge.apply(stream);
            if (verdict.live() != null) {
                check.detail("%s (stream %d of at most %d)", verdict.live(), attempt, STREAM_ATTEMPTS);
                return;
            }
            buffered = verdict.buffered() != null ? bufferedMessage(stream, verdict.buffered()) : buffered;
        }
        ContractFailure.unless(buffered == null, buffered);
        Assumptions.abort("cannot judge buffering: the account wrote each stream's tokens in one burst "
                + STREAM_ATTEMPTS + " times (a stalled machine)");
    }

    /**
     * Ground truth: passed through, the tokens reach the client as spread out as the account wrote them; buffered,
     * together at the end. A stream the account itself wrote in one burst shows nothing either way.
     */
    private static Verdict againstTheAccountsWriteTimes(InsideView view, RawStream.Result stream) {
        InsideView.Served served = view.servedBy(stream.headers().firstValue("x-request-id").orElse(null))
                .orElseThrow(() -> new ContractFailure("no account recorded the streamed chat"));
        double written = served.contentSpreadMs();
        if (written < MIN_SOURCE_SPREAD_MS) {
            return new Verdict(null, null);
        }
        String timing = "%s wrote them over %.0f ms, the client got them over %.1f ms".formatted(served.account(),
                written, stream.contentSpreadMs());
        return stream.contentSpreadMs() >= written / 4 ? new Verdict(timing, null) : new Verdict(null, timing);
    }

    private static Verdict byClientTiming(RawStream.Result stream) {
        String timing = "first token at %.0f%% of the answer's time, tokens spread over %.1f ms".formatted(
                stream.firstContentShare() * 100, stream.contentSpreadMs());
        boolean buffered = stream.contentSpreadMs() < BUFFERED_SPREAD_MS && stream.firstContentShare() > BUFFERED_SHARE;
        return buffered ? new Verdict(null, timing) : new Verdict(timing, null);
    }

    private RawStream.Result contentStream() {
        RawStream.Result stream = gateway.stream(STREAM_TOKENS);
        ContractFailure.unless(stream.status() == 200 && stream.firstContentNanos() > 0, () -> "a streamed chat "
                + "through the gateway brought no content, so its timing cannot be judged: " + GatewayAnswers.explain(
                stream.status(), String.join("\n", stream.frames()), null));
        return stream;
    }

    private static String bufferedMessage(RawStream.Result stream, String evidence) {
        return String.format("the gateway delivered a stream's %d tokens in one piece at the end (%s): APIM buffers "
                + "the response — set <forward-request buffer-response=\"false\" /> in the API's <backend> policy",
                STREAM_TOKENS, evidence);
    }

    /**
     * From ARM on any target (Microsoft's SSE guidance for APIM): no tier without long-running connections, no
     * diagnostic in force for the API logging response bodies, no policy that reads the whole response.
     */
    @Test
    @Requires(ARM)
    void nothingInApimHoldsOrCutsTheStream(Check check) {
        ApimService service = target.arm().apimService();
        List<DiagnosticInfo> diagnostics = target.arm().diagnostics();

        List<String> problems = StreamHolders.problems(service, target.arm().api(), diagnostics);

        ContractFailure.unless(problems.isEmpty(), String.join("; ", problems));
        check.detail("tier %s, %d diagnostic(s) without response bodies, no buffering policy", service.sku(),
                diagnostics.size());
    }

    @Test
    @Requires(GATEWAY)
    void sdkChatCompletes(Check check) {
        ChatCompletion completion = sdk(() -> gateway.sdk().call(client ->
                client.chat().completions().create(params().build())));

        String content = completion.choices().isEmpty() ? null
                : completion.choices().get(0).message().content().orElse(null);
        ContractFailure.unless(content != null && !content.isBlank(), "openai-java got a chat completion without "
                + "content through the gateway: the gateway rewrites the answer — check its outbound policy");
        check.detail("openai-java (Azure mode, key %s): %d choice(s)", target.keys().header(),
                completion.choices().size());
    }

    @Test
    @Requires(GATEWAY)
    void sdkStreamingChatCompletes(Check check) {
        StringBuilder text = new StringBuilder();
        long[] usage = {-1};
        sdk(() -> gateway.sdk().call(client -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params()
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
                stream.stream().forEach(chunk -> {
                    chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                    chunk.usage().ifPresent(u -> usage[0] = u.completionTokens());
                });
            }
            return null;
        }));

        ContractFailure.unless(text.length() > 0, "openai-java streamed no content through the gateway: the "
                + "stream was cut or rewritten");
        ContractFailure.unless(usage[0] > 0, "openai-java's stream through the gateway had no usage frame "
                + "(stream_options.include_usage): the gateway drops frames");
        check.detail("openai-java stream: %d characters, %d completion tokens", text.length(), usage[0]);
    }

    private ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder().model(target.chatDeployment()).maxCompletionTokens(8)
                .addUserMessage("Contract check through the gateway, with the SDK.");
    }

    /** An SDK call whose HTTP failure becomes a message naming where in the chain it came from. */
    private <T> T sdk(Supplier<T> call) {
        try {
            return call.get();
        } catch (OpenAIServiceException e) {
            String hint = "api-key".equalsIgnoreCase(target.keys().header()) ? "" : " — the SDK sends its key as "
                    + "api-key but the API reads it from " + target.keys().header()
                    + ": rename the API's subscription key header to api-key";
            throw new ContractFailure("openai-java through gateway " + target.gatewayUrl() + " failed: "
                    + GatewayAnswers.explain(e.statusCode(), String.valueOf(e.getMessage()),
                    e.headers().values("x-ms-region").stream().findFirst().orElse(null)) + hint);
        }
    }
}
