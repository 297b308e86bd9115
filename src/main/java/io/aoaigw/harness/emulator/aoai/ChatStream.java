package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * One streamed chat answer: the prompt-filter and role frames go out with the headers, then one content frame per
 * token (or per chunk of the content filter's {@code chunkTokens}, due with its last token) at its {@link Pacing}
 * deadline, then the finish frame, the optional usage frame and {@code [DONE]}. Runs on
 * the event loop, woken by the account's {@link FrameClock} (no thread, no sleep); pauses while the connection's write
 * queue is full; stops when the client goes away or the {@code cutAfterFrames} fault resets the connection.
 */
final class ChatStream {
    private final Exchange ex;
    private final FrameClock clock;
    private final Counters counters;
    private final ChunkFrames frames;
    private final AnswerPlan plan;
    private final Pacing pacing;
    private final int cutAfterFrames;
    private final int promptTokens;
    private final boolean includeUsage;
    /** Filed with the clock once per frame: one instance, not one per filing. */
    private final Runnable wake = this::wake;
    private int next;
    private long nextDeadline;
    private int framesWritten;
    private int tokensWritten;
    /** Tokens written since the account's counter last heard of them: one update per write to the socket. */
    private int tokensUncounted;
    /** A clock task is filed for {@link #nextDeadline}: a drain-triggered pump must not file a second one. */
    private boolean waiting;
    private boolean over;

    ChatStream(Exchange ex, AccountState state, FrameClock clock, ChunkFrames frames, AnswerPlan plan,
               Pacing pacing, int promptTokens, boolean includeUsage) {
        this.ex = ex;
        this.clock = clock;
        this.counters = state.counters();
        this.frames = frames;
        this.plan = plan;
        this.pacing = pacing;
        this.cutAfterFrames = state.faults().cutAfterFrames();
        this.promptTokens = promptTokens;
        this.includeUsage = includeUsage;
    }

    void start(Map<String, String> rateLimitHeaders) {
        ex.head(200, "text/event-stream; charset=utf-8", rateLimitHeaders);
        ex.response.setChunked(true);
        ex.expectFrames(2 + plan.tokens() + 1 + (includeUsage ? 1 : 0) + 1, plan.tokens());
        counters.streamOpened();
        ex.response.closeHandler(v -> end(Outcome.CLIENT_DISCONNECTED));
        ex.cork(); // the headers and the first two frames leave together
        if (write(frames.promptFilter(), 0) && write(frames.role(), 0)) {
            nextDeadline = plan.tokens() > 0 ? pacing.nextDeadline(lastOfChunk(0)) : 0;
            pump();
        }
        flush();
    }

    /** Writes every frame that is due as one buffer, then waits for the next deadline (or for the queue to drain). */
    private void pump() {
        if (over) {
            return;
        }
        ex.cork();
        try {
            writeDue();
        } finally {
            flush();
        }
    }

    private void writeDue() {
        long now = System.nanoTime();
        while (next < plan.tokens() && nextDeadline <= now) {
            if (ex.response.writeQueueFull()) {
                ex.response.drainHandler(v -> {
                    ex.response.drainHandler(null);
                    pump();
                });
                return;
            }
            int end = lastOfChunk(next) + 1;
            if (!write(frames.content(plan.pieces(), next, end), end - next)) {
                return;
            }
            next = end;
            if (next < plan.tokens()) {
                nextDeadline = pacing.nextDeadline(lastOfChunk(next));
            }
        }
        if (next < plan.tokens()) {
            if (!waiting) {
                waiting = true;
                clock.at(nextDeadline, wake);
            }
            return;
        }
        finish();
    }

    /** The last token of the content frame starting at {@code first}: a chunk is due when its last token is. */
    private int lastOfChunk(int first) {
        return Math.min(plan.tokens(), first + frames.tokensPerFrame()) - 1;
    }

    private void wake() {
        waiting = false;
        pump();
    }

    private void finish() {
        ex.finishReason = plan.finishReason();
        if (!write(frames.finish(plan.finishReason()), 0)) {
            return;
        }
        if (includeUsage && !write(frames.usage(promptTokens, plan.tokens()), 0)) {
            return;
        }
        if (write(ChunkFrames.done(), 0)) {
            end(Outcome.COMPLETED);
            flush();
            ex.response.end();
        }
    }

    /** Writes one frame with {@code tokens} of content; false when the stream is over (cut, or already ended). */
    private boolean write(Buffer frame, int tokens) {
        if (over) {
            return false;
        }
        ex.write(frame, tokens > 0);
        if (tokens > 0) {
            tokensUncounted += tokens;
            tokensWritten += tokens;
        }
        framesWritten++;
        if (cutAfterFrames > 0 && framesWritten >= cutAfterFrames) {
            counters.streamCut();
            flush(); // the frames before the cut do reach the client
            end(Outcome.CUT);
            ConnectionReset.reset(ex.request.connection());
            return false;
        }
        return true;
    }

    /** Writes what was gathered, and counts its tokens (per write, not per frame: the counter is shared). */
    private void flush() {
        ex.uncork();
        countTokens();
    }

    private void countTokens() {
        if (tokensUncounted > 0) {
            counters.completionTokens(tokensUncounted);
            tokensUncounted = 0;
        }
    }

    private void end(Outcome outcome) {
        if (over) {
            return;
        }
        over = true;
        countTokens();
        counters.streamClosed();
        ex.completionTokens = tokensWritten;
        if (outcome != Outcome.COMPLETED) {
            ex.finishReason = null;
        }
        ex.finish(outcome);
    }
}
