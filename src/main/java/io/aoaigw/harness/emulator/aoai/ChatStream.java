package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * One streamed chat answer: the prompt-filter and role frames go out with the headers, then one content frame per
 * token at its {@link Pacing} deadline, then the finish frame, the optional usage frame and {@code [DONE]}. Runs on
 * the event loop with one timer at a time (no thread, no sleep); pauses while the connection's write queue is full;
 * stops its timer when the client goes away or the {@code cutAfterFrames} fault resets the connection.
 */
final class ChatStream {
    private final Exchange ex;
    private final Vertx vertx;
    private final Counters counters;
    private final ChunkFrames frames;
    private final AnswerPlan plan;
    private final Pacing pacing;
    private final int cutAfterFrames;
    private final int promptTokens;
    private final boolean includeUsage;
    private int next;
    private long nextDeadline;
    private int framesWritten;
    private long timer = -1;
    private boolean over;

    ChatStream(Exchange ex, AccountState state, ChunkFrames frames, AnswerPlan plan, Pacing pacing,
               int promptTokens, boolean includeUsage) {
        this.ex = ex;
        this.vertx = state.vertx();
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
        ex.response.putHeader("cache-control", "no-cache").setChunked(true);
        ex.expectFrames(2 + plan.tokens() + 1 + (includeUsage ? 1 : 0) + 1, plan.tokens());
        counters.streamOpened();
        ex.response.closeHandler(v -> end(Outcome.CLIENT_DISCONNECTED));
        if (write(frames.promptFilter(), false) && write(frames.role(), false)) {
            nextDeadline = plan.tokens() > 0 ? pacing.nextDeadline(0) : 0;
            pump();
        }
    }

    /** Writes every frame that is due, then waits for the next deadline (or for the write queue to drain). */
    private void pump() {
        timer = -1;
        if (over) {
            return;
        }
        long now = System.nanoTime();
        while (next < plan.tokens() && nextDeadline <= now) {
            if (ex.response.writeQueueFull()) {
                ex.response.drainHandler(v -> pump());
                return;
            }
            if (!write(frames.content(plan.pieces()[next]), true)) {
                return;
            }
            next++;
            if (next < plan.tokens()) {
                nextDeadline = pacing.nextDeadline(next);
            }
        }
        if (next < plan.tokens()) {
            timer = vertx.setTimer(Pacing.delayMillis(nextDeadline, now), id -> pump());
            return;
        }
        finish();
    }

    private void finish() {
        ex.finishReason = plan.finishReason();
        if (!write(frames.finish(plan.finishReason()), false)) {
            return;
        }
        if (includeUsage && !write(frames.usage(promptTokens, plan.tokens()), false)) {
            return;
        }
        if (write(ChunkFrames.done(), false)) {
            ex.response.end();
            end(Outcome.COMPLETED);
        }
    }

    /** Writes one frame; false when the stream is over (cut by the fault, or already ended). */
    private boolean write(Buffer frame, boolean content) {
        if (over) {
            return false;
        }
        ex.write(frame, content);
        if (content) {
            counters.completionTokens(1);
        }
        framesWritten++;
        if (cutAfterFrames > 0 && framesWritten >= cutAfterFrames) {
            counters.streamCut();
            end(Outcome.CUT);
            ConnectionReset.reset(ex.request.connection());
            return false;
        }
        return true;
    }

    private void end(Outcome outcome) {
        if (over) {
            return;
        }
        over = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        counters.streamClosed();
        ex.completionTokens = ex.contentFramesWritten();
        if (outcome != Outcome.COMPLETED) {
            ex.finishReason = null;
        }
        ex.finish(outcome);
    }
}
