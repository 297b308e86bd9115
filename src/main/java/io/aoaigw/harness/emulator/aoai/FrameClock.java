package io.aoaigw.harness.emulator.aoai;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account's one timer for paced writes: tasks are filed under the millisecond their deadline falls in (rounded
 * up, so none runs early) and a single {@code vertx.setTimer} is armed for the earliest millisecond. Thousands of
 * streams due in the same millisecond then cost one timer instead of one each, which is what lets ~2,000 paced streams
 * fit on a small machine. Tasks are not cancelled: a task whose exchange has ended does nothing when it runs.
 *
 * <p>One per listener, confined to its event loop.
 */
final class FrameClock {
    private static final long MS = 1_000_000L;

    private final Vertx vertx;
    private final TreeMap<Long, ArrayList<Runnable>> due = new TreeMap<>();
    private long armedMillis = Long.MAX_VALUE;
    private long timer = -1;

    FrameClock(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code task} on the event loop at or after {@code deadlineNanos} ({@link System#nanoTime()} scale). */
    void at(long deadlineNanos, Runnable task) {
        long millis = -Math.floorDiv(-deadlineNanos, MS);
        due.computeIfAbsent(millis, k -> new ArrayList<>(4)).add(task);
        if (millis < armedMillis) {
            arm(millis);
        }
    }

    private void arm(long millis) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        armedMillis = millis;
        long delay = Math.max(1, -Math.floorDiv(-(millis * MS - System.nanoTime()), MS));
        timer = vertx.setTimer(delay, id -> fire());
    }

    private void fire() {
        timer = -1;
        armedMillis = Long.MAX_VALUE;
        long now = Math.floorDiv(System.nanoTime(), MS);
        // tasks may file new tasks that are already due; they run in this same pass
        while (!due.isEmpty() && due.firstKey() <= now) {
            Map.Entry<Long, ArrayList<Runnable>> entry = due.pollFirstEntry();
            for (Runnable task : entry.getValue()) {
                task.run();
            }
        }
        if (!due.isEmpty()) {
            arm(due.firstKey());
        }
    }
}
