package io.aoaigw.harness.emulator.apim.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/** Answers the test backends give: an Azure OpenAI-shaped chat completion, a slow SSE stream, or nothing at all. */
public final class Responders {
    private Responders() {
    }

    /** A {@code chat.completion} with {@code usage.total_tokens = totalTokens} and Azure's region header. */
    public static RecordingBackend.Responder chatCompletion(String region, int totalTokens) {
        return (req, backend) -> {
            backend.wrote();
            req.response().putHeader("Content-Type", "application/json").putHeader("x-ms-region", region)
                    .putHeader("apim-request-id", "aoai-" + System.nanoTime())
                    .end("""
                            {"id":"chatcmpl-test","object":"chat.completion","created":1730000000,"model":"gpt-4o-2024-08-06",
                             "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                               "message":{"role":"assistant","content":"Hello from %s","refusal":null}}],
                             "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                            .formatted(region, totalTokens / 2, totalTokens - totalTokens / 2, totalTokens));
        };
    }

    /** {@code chunks} SSE frames, one every {@code gapMillis} (timers, no sleeping), then {@code data: [DONE]}. */
    public static RecordingBackend.Responder sseStream(Vertx vertx, int chunks, long gapMillis) {
        return (req, backend) -> {
            HttpServerResponse out = req.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream").putHeader("x-ms-region", "eastus");
            writeFrame(vertx, out, backend, 0, chunks, gapMillis);
        };
    }

    private static void writeFrame(Vertx vertx, HttpServerResponse out, RecordingBackend backend, int i, int chunks,
                                   long gapMillis) {
        vertx.setTimer(gapMillis, t -> {
            backend.wrote();
            if (i == chunks) {
                out.end("data: [DONE]\n\n");
                return;
            }
            out.write("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok"
                    + i + " \"}}]}\n\n");
            writeFrame(vertx, out, backend, i + 1, chunks, gapMillis);
        });
    }

    /** Never answers: for timeouts. */
    public static RecordingBackend.Responder never() {
        return (req, backend) -> {
        };
    }
}
