package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The SSE frames of one streamed chat answer. Content frames are the hot path (one per token, thousands of streams):
 * their JSON is serialised once per stream into a prefix and a suffix around the token, so a frame costs one buffer
 * of three array copies.
 */
final class ChunkFrames {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    /** Stands for the token in the serialised template; plain ASCII so the serialiser leaves it as is. */
    private static final String TOKEN_MARK = "@@TOKEN@@";
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private final long created;
    private final String model;
    private final String fingerprint;
    private final boolean includeUsage;
    private final AnswerShape shape;
    private final byte[] contentPrefix;
    private final byte[] contentSuffix;

    ChunkFrames(String id, long created, String model, String fingerprint, boolean includeUsage, AnswerShape shape) {
        this.shape = shape;
        this.id = id;
        this.created = created;
        this.model = model;
        this.fingerprint = fingerprint;
        this.includeUsage = includeUsage;
        ObjectNode delta = Json.MAPPER.createObjectNode().put("content", TOKEN_MARK);
        String template = frameText(chunk(delta, null, shape.choiceFilterResults()));
        int mark = template.indexOf(TOKEN_MARK);
        contentPrefix = template.substring(0, mark).getBytes(StandardCharsets.UTF_8);
        contentSuffix = template.substring(mark + TOKEN_MARK.length()).getBytes(StandardCharsets.UTF_8);
    }

    /** Azure's first frame: no choices, empty identity, the prompt's filter results (no usage field, as recorded). */
    Buffer promptFilter() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("choices");
        ChatShapes.identity(node, 0, "", "", "");
        node.set("prompt_filter_results", shape.promptFilterResults());
        return frame(node);
    }

    /** The role frame as recorded: empty content, empty filter results, and a null refusal in newer api-versions. */
    Buffer role() {
        ObjectNode delta = Json.MAPPER.createObjectNode().put("content", "");
        if (shape.refusal()) {
            delta.putNull("refusal");
        }
        delta.put("role", "assistant");
        return frame(chunk(delta, null, Json.MAPPER.createObjectNode()));
    }

    Buffer content(int piece) {
        byte[] token = Vocabulary.jsonBytes(piece);
        return Buffer.buffer(contentPrefix.length + token.length + contentSuffix.length)
                .appendBytes(contentPrefix).appendBytes(token).appendBytes(contentSuffix);
    }

    /** One content frame carrying pieces {@code from} (inclusive) to {@code to} (exclusive): a chunk of tokens. */
    Buffer content(int[] pieces, int from, int to) {
        if (to - from == 1) {
            return content(pieces[from]);
        }
        Buffer frame = Buffer.buffer(contentPrefix.length + 8 * (to - from) + contentSuffix.length)
                .appendBytes(contentPrefix);
        for (int i = from; i < to; i++) {
            frame.appendBytes(Vocabulary.jsonBytes(pieces[i]));
        }
        return frame.appendBytes(contentSuffix);
    }

    /** Tokens per content frame, as the deployment's content filter releases them. */
    int tokensPerFrame() {
        return shape.filter().tokensPerFrame();
    }

    /** A fresh buffer each time: a written buffer belongs to its connection. */
    static Buffer done() {
        return Buffer.buffer(DONE);
    }

    Buffer finish(String finishReason) {
        return frame(chunk(Json.MAPPER.createObjectNode(), finishReason, Json.MAPPER.createObjectNode()));
    }

    /** The {@code include_usage} frame: no choices, the usage of the whole answer. */
    Buffer usage(int promptTokens, int completionTokens) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("choices");
        identity(node);
        node.set("usage", shape.usage(promptTokens, completionTokens));
        return frame(node);
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason, ObjectNode contentFilterResults) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode choices = node.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.set("content_filter_results", contentFilterResults);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason).put("index", 0).putNull("logprobs");
        identity(node);
        if (includeUsage) {
            node.putNull("usage");
        }
        return node;
    }

    private void identity(ObjectNode node) {
        ChatShapes.identity(node, created, id, model, "chat.completion.chunk");
        node.put("system_fingerprint", fingerprint);
    }

    private static String frameText(ObjectNode node) {
        return "data: " + node + "\n\n";
    }

    private static Buffer frame(ObjectNode node) {
        byte[] json = node.toString().getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(DATA.length + json.length + END.length).appendBytes(DATA).appendBytes(json)
                .appendBytes(END);
    }
}
