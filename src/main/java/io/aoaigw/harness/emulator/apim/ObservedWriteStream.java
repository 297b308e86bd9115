package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.ResponseObserver;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.List;

/** Passes every chunk on unchanged and shows it to the policies' observers (token accounting) on the way. */
final class ObservedWriteStream extends ForwardingWriteStream {
    private final List<ResponseObserver> observers;

    ObservedWriteStream(WriteStream<Buffer> next, List<ResponseObserver> observers) {
        super(next);
        this.observers = observers;
    }

    @Override
    public Future<Void> write(Buffer chunk) {
        observers.forEach(o -> o.onChunk(chunk));
        return next.write(chunk);
    }
}
