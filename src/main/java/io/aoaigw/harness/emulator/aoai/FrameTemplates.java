package io.aoaigw.harness.emulator.aoai;

import static io.aoaigw.harness.emulator.aoai.SplicedJson.mark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.emulator.aoai.ChatEndpoint.ModelIdentity;
import java.nio.charset.StandardCharsets;

/**
 * The SSE frames a deployment's streamed answers share, serialised once per model, answer shape and
 * {@code include_usage}: each answer splices in its id, its time and its counts ({@link ChunkFrames}). Serialising
 * five JSON trees per answer was a seventh of an unpaced answer's CPU.
 */
final class FrameTemplates {
    // every template takes the answer's id and time first, in this order (ChunkFrames renders them so)
    private static final String ID = "ID";
    private static final String CREATED = "CREATED";
    private static final String FINISH = "FINISH";
    private static final String PROMPT = "PROMPT";
    private static final String COMPLETION = "COMPLETION";
    private static final String TOTAL = "TOTAL";
    /** Stands for the content frame's tokens, inside the content string's quotes. */
    private static final String TOKEN_MARK = mark("TOKEN");

    /** What the templates depend on; equal keys share templates. */
    record Key(ModelIdentity model, boolean includeUsage, AnswerShape shape) {
    }

    private final Key key;
    final byte[] promptFilter;
    final SplicedJson role;
    final SplicedJson contentPrefix;
    final SplicedJson contentSuffix;
    final SplicedJson finish;
    final SplicedJson usage;

    FrameTemplates(Key key) {
        this.key = key;
        this.promptFilter = promptFilterFrame().getBytes(StandardCharsets.UTF_8);
        this.role = SplicedJson.of(roleFrame(), ID, CREATED);
        String content = frameText(chunk(Json.MAPPER.createObjectNode().put("content", TOKEN_MARK), null,
                key.shape().choiceFilterResults()));
        int at = content.indexOf(TOKEN_MARK);
        this.contentPrefix = SplicedJson.of(content.substring(0, at), ID, CREATED);
        this.contentSuffix = SplicedJson.of(content.substring(at + TOKEN_MARK.length()), ID, CREATED);
        this.finish = SplicedJson.of(frameText(chunk(Json.MAPPER.createObjectNode(), mark(FINISH),
                Json.MAPPER.createObjectNode())), ID, CREATED, FINISH);
        this.usage = SplicedJson.of(usageFrame(), ID, CREATED, PROMPT, COMPLETION, TOTAL);
    }

    int tokensPerFrame() {
        return key.shape().filter().tokensPerFrame();
    }

    /** Azure's first frame: no choices, empty identity, the prompt's filter results (no usage field, as recorded). */
    private String promptFilterFrame() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("choices");
        ChatShapes.identity(node, 0, "", "", "");
        node.set("prompt_filter_results", key.shape().promptFilterResults());
        return frameText(node);
    }

    /** The role frame as recorded: empty content, empty filter results, and a null refusal in newer api-versions. */
    private String roleFrame() {
        ObjectNode delta = Json.MAPPER.createObjectNode().put("content", "");
        if (key.shape().refusal()) {
            delta.putNull("refusal");
        }
        delta.put("role", "assistant");
        return frameText(chunk(delta, null, Json.MAPPER.createObjectNode()));
    }

    /** The {@code include_usage} frame: no choices, the usage of the whole answer. */
    private String usageFrame() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("choices");
        identity(node);
        ObjectNode usage = key.shape().usage(0, 0);
        usage.put("completion_tokens", mark(COMPLETION)).put("prompt_tokens", mark(PROMPT))
                .put("total_tokens", mark(TOTAL));
        node.set("usage", usage);
        return frameText(node);
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason, ObjectNode contentFilterResults) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode choices = node.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.set("content_filter_results", contentFilterResults);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason).put("index", 0).putNull("logprobs");
        identity(node);
        if (key.includeUsage()) {
            node.putNull("usage");
        }
        return node;
    }

    /** The answer's identity fields, as marks (their order is the tree's: {@code put} keeps a field's place). */
    private void identity(ObjectNode node) {
        ChatShapes.identity(node, 0, "", key.model().name(), "chat.completion.chunk");
        node.put("created", mark(CREATED)).put("id", mark(ID));
        node.put("system_fingerprint", key.model().fingerprint());
    }

    private static String frameText(ObjectNode node) {
        return "data: " + node + "\n\n";
    }
}
