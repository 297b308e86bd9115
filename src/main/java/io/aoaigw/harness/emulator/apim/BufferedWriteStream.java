package io.aoaigw.harness.emulator.apim;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * {@code buffer-response="true"}: holds chunks back until {@code threshold} bytes are collected or the stream ends,
 * as the forward-request reference describes ("chunks are buffered (8 KB, unless end of stream is detected)"). A
 * streamed answer shorter than that reaches the client in one piece at the very end: the classic SSE misconfiguration.
 */
final class BufferedWriteStream extends ForwardingWriteStream {
    private final int threshold;
    private final Runnable beforeEnd;
    private Buffer pending = Buffer.buffer();

    BufferedWriteStream(WriteStream<Buffer> next, int threshold) {
        this(next, threshold, () -> { });
    }

    /** {@code beforeEnd} runs when the stream ends, before what is held is passed on. */
    BufferedWriteStream(WriteStream<Buffer> next, int threshold, Runnable beforeEnd) {
        super(next);
        this.threshold = threshold;
        this.beforeEnd = beforeEnd;
    }

    @Override
    public Future<Void> write(Buffer chunk) {
        pending.appendBuffer(chunk);
        if (pending.length() < threshold) {
            return Future.succeededFuture();
        }
        Buffer full = pending;
        pending = Buffer.buffer();
        return next.write(full);
    }

    @Override
    public Future<Void> end() {
        beforeEnd.run();
        return pending.length() == 0 ? next.end() : next.end(pending);
    }
}
