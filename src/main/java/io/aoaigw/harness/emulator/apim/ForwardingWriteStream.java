package io.aoaigw.harness.emulator.apim;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A write stream that hands everything to {@code next}; subclasses change what {@code write}/{@code end} do. */
abstract class ForwardingWriteStream implements WriteStream<Buffer> {
    protected final WriteStream<Buffer> next;

    ForwardingWriteStream(WriteStream<Buffer> next) {
        this.next = next;
    }

    @Override
    public Future<Void> write(Buffer chunk) {
        return next.write(chunk);
    }

    @Override
    public Future<Void> end() {
        return next.end();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        next.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        next.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return next.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        next.drainHandler(handler);
        return this;
    }
}
