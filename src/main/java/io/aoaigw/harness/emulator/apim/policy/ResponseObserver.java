package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** Watches the backend's answer on its way to the client (token accounting); must not block or alter the body. */
public interface ResponseObserver {

    /** Before the first byte goes out; {@code headers} are the client's and may be added to. */
    void onHeaders(int status, MultiMap headers);

    void onChunk(Buffer chunk);

    /** {@code complete} is false when the stream broke before its end. */
    void onEnd(boolean complete);

    /**
     * True when this observer adds a header from what the answer's body says: an answer that is not an event stream
     * is then held whole, and {@link #beforeRelease} runs before its first byte goes out.
     */
    default boolean readsBodyBeforeHeaders() {
        return false;
    }

    /** For a held answer: every chunk has been seen; {@code headers} are the client's and may still be added to. */
    default void beforeRelease(MultiMap headers) {
    }

    /** Whether an answer with this {@code Content-Type} is a server-sent event stream (never held whole). */
    static boolean isEventStream(String contentType) {
        return contentType != null && contentType.startsWith("text/event-stream");
    }
}
