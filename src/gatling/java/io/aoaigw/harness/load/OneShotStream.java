package io.aoaigw.harness.load;

import io.gatling.http.client.Request;
import io.gatling.javaapi.core.Session;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns off the auto-reconnect of Gatling's SSE client for one chat. When a stream it has connected closes early,
 * Gatling 3.15 sends the same request again after the stream's retry delay (SseStream.crash on a
 * PrematureCloseException); the DSL has no switch for it. Gatling signs a request each time it writes it
 * (WritableRequestBuilder.signRequest), so this signer lets the first write through and refuses every later one: the
 * refused resend never reaches the wire, the stream ends as crashed, and the chat counts once, as a cut stream.
 */
final class OneShotStream {
    /** Session key of the chat's write counter (one per chat, so a late resend of an old chat is still refused). */
    static final String WRITES = "sseWrites";

    private OneShotStream() {
    }

    static Session arm(Session session) {
        return session.set(WRITES, new AtomicInteger());
    }

    static Request sign(Request request, Session session) {
        AtomicInteger writes = session.get(WRITES);
        if (writes.incrementAndGet() > 1) {
            throw new IllegalStateException("SSE auto-reconnect refused: the stream was cut; the chat is not resent");
        }
        return request;
    }

    /** Whether Gatling tried to resend this chat's request: its first stream was cut. */
    static boolean wasCut(Session session) {
        AtomicInteger writes = session.get(WRITES);
        return writes != null && writes.get() > 1;
    }
}
