package io.aoaigw.harness.emulator.apim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads the tokens an answer consumed while it passes through (a copy, capped at 1 MiB): {@code usage.total_tokens}
 * of a JSON answer or of a stream's usage frame; for a stream without one, the prompt estimate plus the tokens of
 * every {@code delta.content} (APIM estimates completion tokens of streams too). Reports once, at the end.
 *
 * <p>With a header name ({@code tokens-consumed-header-name}), it also tells the client: "the number of tokens consumed
 * by both prompt and completion ... added to response only after the response is received from backend" (policy
 * reference). A JSON answer is therefore held until its usage is read; a stream's headers leave before its usage
 * exists, so they carry the prompt estimate (what Azure sends there is unconfirmed).
 */
final class TokenUsageTap implements ResponseObserver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAP = 1 << 20;

    private final long promptEstimate;
    private final LongConsumer total;
    private final String consumedHeader;
    private final Buffer copy = Buffer.buffer();
    private boolean stream;
    private boolean success;
    private Long consumed;

    TokenUsageTap(long promptEstimate, LongConsumer total) {
        this(promptEstimate, total, null);
    }

    TokenUsageTap(long promptEstimate, LongConsumer total, String consumedHeader) {
        this.promptEstimate = promptEstimate;
        this.total = total;
        this.consumedHeader = consumedHeader;
    }

    @Override
    public void onHeaders(int status, MultiMap headers) {
        success = status >= 200 && status < 300;
        stream = ResponseObserver.isEventStream(headers.get("Content-Type"));
        if (consumedHeader != null && stream) {
            headers.set(consumedHeader, Long.toString(promptEstimate));
        }
    }

    @Override
    public boolean readsBodyBeforeHeaders() {
        return consumedHeader != null;
    }

    @Override
    public void beforeRelease(MultiMap headers) {
        long consumed = consumed();
        headers.set(consumedHeader, Long.toString(consumed >= 0 ? consumed : promptEstimate));
    }

    @Override
    public void onChunk(Buffer chunk) {
        if (success && copy.length() + chunk.length() <= CAP) {
            copy.appendBuffer(chunk);
        }
    }

    @Override
    public void onEnd(boolean complete) {
        long consumed = consumed();
        if (consumed >= 0) {
            total.accept(consumed);
        }
    }

    /** What the answer consumed, read once (a held answer is read before its release, and not again at its end). */
    private long consumed() {
        if (consumed == null) {
            String body = copy.toString(StandardCharsets.UTF_8);
            consumed = !success ? -1 : stream ? streamed(body) : usage(parse(body));
        }
        return consumed;
    }

    private long streamed(String body) {
        long completion = 0;
        for (String line : body.split("\n")) {
            if (!line.startsWith("data:") || line.contains("[DONE]")) {
                continue;
            }
            JsonNode frame = parse(line.substring(5).trim());
            long reported = usage(frame);
            if (reported >= 0) {
                return reported;
            }
            for (JsonNode choice : frame.path("choices")) {
                completion += TokenEstimator.textTokens(choice.path("delta").path("content").asText(""));
            }
        }
        return promptEstimate + completion;
    }

    /** {@code usage.total_tokens}, or -1 when the answer does not say. */
    private static long usage(JsonNode node) {
        JsonNode value = node.path("usage").path("total_tokens");
        return value.isNumber() ? value.asLong() : -1;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
