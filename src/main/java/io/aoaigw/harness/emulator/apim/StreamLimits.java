package io.aoaigw.harness.emulator.apim;

import io.vertx.core.Vertx;

/**
 * The idle and total timers of one request at APIM (Vert.x timers on the request's event loop, no thread). Writes
 * only note the time; the idle timer, when it fires, looks at the last write and waits again for the rest, so a
 * stream costs one timer per idle period, not one per frame. Either limit reached runs {@code cut} once;
 * {@link #done()} stops both.
 */
final class StreamLimits {
    private final Vertx vertx;
    private final long idleNanos;
    private final Runnable cut;
    private final long totalTimer;
    private volatile long lastActive = System.nanoTime();
    private volatile long idleTimer = -1;
    private volatile boolean over;

    StreamLimits(Vertx vertx, long idleMs, long totalMs, Runnable cut) {
        this.vertx = vertx;
        this.idleNanos = idleMs * 1_000_000;
        this.cut = cut;
        this.totalTimer = totalMs > 0 ? vertx.setTimer(totalMs, t -> fire()) : -1;
        if (idleMs > 0) {
            idleTimer = vertx.setTimer(idleMs, t -> idleCheck());
        }
    }

    /** Bytes went to the client: the idle time starts again. */
    void active() {
        lastActive = System.nanoTime();
    }

    void done() {
        over = true;
        vertx.cancelTimer(idleTimer);
        vertx.cancelTimer(totalTimer);
    }

    private void idleCheck() {
        long left = lastActive + idleNanos - System.nanoTime();
        if (left <= 0) {
            fire();
        } else if (!over) {
            idleTimer = vertx.setTimer(Math.max(1, left / 1_000_000), t -> idleCheck());
        }
    }

    private void fire() {
        if (!over) {
            done();
            cut.run();
        }
    }
}
