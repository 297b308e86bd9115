package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.aoaigw.harness.topology.Deployment;
import java.util.Map;

/**
 * {@code POST /openai/deployments/{id}/chat/completions}: counts the prompt, charges prompt + {@code max_tokens} to the
 * rate limits, plans the deterministic answer and delivers it paced, as a stream or whole after the last token's time.
 */
final class ChatEndpoint {
    private final AccountState state;

    ChatEndpoint(AccountState state) {
        this.state = state;
    }

    void serve(Exchange ex, Deployment deployment, JsonNode body) {
        ChatRequest request = ChatRequest.parse(body);
        ex.stream = request.stream();
        int promptTokens = state.tokenizer(deployment).chatPromptTokens(request.messages());
        ex.promptTokens = promptTokens;
        Map<String, String> remaining = Admission.admit(state, ex, deployment, promptTokens + estimate(request,
                deployment));
        state.counters().promptTokens(promptTokens);
        AnswerPlan plan = AnswerPlan.of(request.seed(), deployment.completion(), request.maxTokens(),
                request.stop());
        Pacing pacing = new Pacing(state.account().latencyOf(deployment), state.faults().slowMs(), ex.arrivalNanos);
        String id = ChatShapes.newCompletionId();
        long created = EpochMicros.of(ex.arrivalNanos) / 1_000_000;
        if (request.stream()) {
            ChunkFrames frames = new ChunkFrames(id, created, ChatShapes.responseModel(deployment),
                    ChatShapes.fingerprint(deployment), request.includeUsage());
            new ChatStream(ex, state, frames, plan, pacing, promptTokens, request.includeUsage()).start(remaining);
        } else {
            answerWhole(ex, deployment, plan, pacing, id, created, remaining);
        }
    }

    private int estimate(ChatRequest request, Deployment deployment) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        Integer configured = state.settings().admissionMaxTokensWhenAbsent();
        return configured != null ? configured : deployment.completion().maxTokens();
    }

    private void answerWhole(Exchange ex, Deployment deployment, AnswerPlan plan, Pacing pacing, String id,
                             long created, Map<String, String> remaining) {
        String body = completionBody(deployment, plan, id, created, ex.promptTokens).toString();
        long delay = Pacing.delayMillis(pacing.completeAt(plan.tokens()), System.nanoTime());
        long timer = state.vertx().setTimer(delay, t -> {
            if (!ex.finished()) {
                ex.completionTokens = plan.tokens();
                ex.finishReason = plan.finishReason();
                state.counters().completionTokens(plan.tokens());
                ex.sendJson(200, body, remaining);
            }
        });
        ex.response.closeHandler(v -> {
            state.vertx().cancelTimer(timer);
            ex.finish(Outcome.CLIENT_DISCONNECTED);
        });
    }

    static ObjectNode completionBody(Deployment deployment, AnswerPlan plan, String id, long created,
                                     int promptTokens) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.set("content_filter_results", ChatShapes.safeContentFilterResults());
        choice.put("finish_reason", plan.finishReason()).put("index", 0).putNull("logprobs");
        choice.putObject("message").put("content", plan.text()).putNull("refusal").put("role", "assistant");
        ChatShapes.identity(root, created, id, ChatShapes.responseModel(deployment), "chat.completion");
        root.set("prompt_filter_results", ChatShapes.promptFilterResults());
        root.put("system_fingerprint", ChatShapes.fingerprint(deployment));
        root.set("usage", ChatShapes.usage(promptTokens, plan.tokens()));
        return root;
    }
}
