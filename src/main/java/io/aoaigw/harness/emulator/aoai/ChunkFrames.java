package io.aoaigw.harness.emulator.aoai;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The SSE frames of one streamed chat answer: its deployment's {@link FrameTemplates} with this answer's id, time
 * and counts spliced in. Content frames are the hot path (one per token, thousands of streams): their prefix and
 * suffix around the token are rendered once per answer, so a frame costs one buffer of three array copies.
 */
final class ChunkFrames {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final FrameTemplates templates;
    private final byte[] id;
    private final byte[] created;
    private final byte[] contentPrefix;
    private final byte[] contentSuffix;

    ChunkFrames(FrameTemplates templates, String id, long created) {
        this.templates = templates;
        this.id = SplicedJson.plainString(id);
        this.created = SplicedJson.number(created);
        this.contentPrefix = templates.contentPrefix.render(this.id, this.created).getBytes();
        this.contentSuffix = templates.contentSuffix.render(this.id, this.created).getBytes();
    }

    Buffer promptFilter() {
        return Buffer.buffer(templates.promptFilter);
    }

    Buffer role() {
        return templates.role.render(id, created);
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
        return templates.tokensPerFrame();
    }

    /** A fresh buffer each time: a written buffer belongs to its connection. */
    static Buffer done() {
        return Buffer.buffer(DONE);
    }

    Buffer finish(String finishReason) {
        return templates.finish.render(id, created, SplicedJson.plainString(finishReason));
    }

    /** The {@code include_usage} frame: no choices, the usage of the whole answer. */
    Buffer usage(int promptTokens, int completionTokens) {
        return templates.usage.render(id, created, SplicedJson.number(promptTokens),
                SplicedJson.number(completionTokens), SplicedJson.number(promptTokens + completionTokens));
    }
}
