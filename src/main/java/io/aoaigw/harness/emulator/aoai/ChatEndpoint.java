package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.aoaigw.harness.host.EpochMicros;
import io.aoaigw.harness.topology.Deployment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /openai/deployments/{id}/chat/completions}: counts the prompt, charges prompt + {@code max_tokens} to the
 * rate limits, plans the deterministic answer and delivers it paced, as a stream or whole after the last token's time.
 */
final class ChatEndpoint {
    /** {@code max_tokens} default of the inference spec (2024-10-21 inference.json: "default": 4096). */
    static final int DEFAULT_MAX_TOKENS = 4096;
    private final AccountState state;
    private final Map<String, ModelIdentity> identities = new ConcurrentHashMap<>();
    /** Few keys: deployments × accepted api-versions × include_usage. */
    private final Map<FrameTemplates.Key, FrameTemplates> templates = new ConcurrentHashMap<>();

    ChatEndpoint(AccountState state) {
        this.state = state;
    }

    /**
     * The quota is charged before the model sees the request, so the model's own 400s (validation, context length)
     * carry the remaining-quota headers, as recorded.
     */
    void serve(Exchange ex, Deployment deployment, JsonNode body) {
        ex.stream = body.path("stream").asBoolean(false);
        ChatRequest request;
        try {
            request = ChatRequest.parse(body, ex.apiVersion);
        } catch (ErrorReply.Rejected rejected) {
            throw Admission.chargedThenRejected(state, ex, deployment, rejected);
        }
        int promptTokens = state.tokenizer(deployment).chatPromptTokens(request.messages());
        ex.promptTokens = promptTokens;
        Map<String, String> remaining = Admission.admit(state, ex, deployment, promptTokens, estimate(request,
                deployment, promptTokens));
        try {
            ModelLimits.check(deployment, promptTokens, request.maxTokens());
        } catch (ErrorReply.Rejected rejected) {
            throw rejected.reply().withMoreHeaders(remaining).rejection();
        }
        state.counters().promptTokens(promptTokens);
        AnswerPlan plan = AnswerPlan.of(request.seed(), deployment.completion(), request.maxTokens(),
                request.stop());
        Pacing pacing = new Pacing(state.account().latencyOf(deployment), state.faults().slowMs(), ex.arrivalNanos);
        String id = ChatShapes.newCompletionId();
        long created = EpochMicros.of(ex.arrivalNanos) / 1_000_000;
        ModelIdentity model = identities.computeIfAbsent(deployment.id(), k -> ModelIdentity.of(deployment));
        if (request.stream()) {
            FrameTemplates shared = templates.computeIfAbsent(new FrameTemplates.Key(model, request.includeUsage(),
                    new AnswerShape(ex.apiVersion, deployment.contentFilter())), FrameTemplates::new);
            ChunkFrames frames = new ChunkFrames(shared, id, created);
            new ChatStream(ex, state, FrameClock.ofCallingLoop(), frames, plan, pacing, promptTokens, request.includeUsage())
                    .start(remaining);
        } else {
            answerWhole(ex, model, plan, pacing, id, created, remaining,
                    new AnswerShape(ex.apiVersion, deployment.contentFilter()));
        }
    }

    /**
     * The completion part of the admission estimate: {@code max_tokens} (or {@code max_completion_tokens}) when
     * given; else the emulator's setting when set; else the inference spec's documented default for
     * {@code max_tokens}, 4,096, within what the context window leaves after the prompt.
     */
    private int estimate(ChatRequest request, Deployment deployment, int promptTokens) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        Integer configured = state.settings().admissionMaxTokensWhenAbsent();
        if (configured != null) {
            return configured;
        }
        return Math.max(0, Math.min(DEFAULT_MAX_TOKENS, ModelLimits.contextWindow(deployment) - promptTokens));
    }

    private void answerWhole(Exchange ex, ModelIdentity model, AnswerPlan plan, Pacing pacing, String id,
                             long created, Map<String, String> remaining, AnswerShape shape) {
        String body = completionBody(model, plan, id, created, ex.promptTokens, shape).toString();
        FrameClock.ofCallingLoop().at(pacing.completeAt(plan.tokens()), () -> {
            if (!ex.finished()) {
                ex.completionTokens = plan.tokens();
                ex.finishReason = plan.finishReason();
                state.counters().completionTokens(plan.tokens());
                ex.sendJson(200, body, remaining);
            }
        });
        ex.response.closeHandler(v -> ex.finish(Outcome.CLIENT_DISCONNECTED));
    }

    static ObjectNode completionBody(ModelIdentity model, AnswerPlan plan, String id, long created,
                                     int promptTokens, AnswerShape shape) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.set("content_filter_results", shape.choiceFilterResults());
        choice.put("finish_reason", plan.finishReason()).put("index", 0).putNull("logprobs");
        ObjectNode message = choice.putObject("message").put("content", plan.text());
        if (shape.refusal()) {
            message.putNull("refusal");
        }
        message.put("role", "assistant");
        ChatShapes.identity(root, created, id, model.name(), "chat.completion");
        root.set("prompt_filter_results", shape.promptFilterResults());
        root.put("system_fingerprint", model.fingerprint());
        root.set("usage", shape.usage(promptTokens, plan.tokens()));
        return root;
    }

    /** The {@code model} and {@code system_fingerprint} of a deployment's answers, worked out once. */
    record ModelIdentity(String name, String fingerprint) {
        static ModelIdentity of(Deployment deployment) {
            return new ModelIdentity(ChatShapes.responseModel(deployment), ChatShapes.fingerprint(deployment));
        }
    }
}
