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
}
