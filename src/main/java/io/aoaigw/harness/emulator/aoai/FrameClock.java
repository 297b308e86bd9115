package io.aoaigw.harness.emulator.aoai;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The listener's one timer for paced writes. Deadlines are rounded up to a tick of 0.1 ms (so no task runs early) and
 * one wake-up is armed, on the event loop's own nanosecond scheduler, for the earliest tick: every stream due in that
 * tick is served by the same wake-up. Vert.x timers count whole milliseconds, which put a 0.7 ms floor under every
 * frame's lateness; the Netty scheduler behind them takes nanoseconds (epoll waits on a timerfd).
 * Tasks are not cancelled: a task whose exchange has ended does nothing when it runs.
 *
 * <p>One per event-loop thread ({@link #ofCallingLoop()}), confined to it. The time source and the wake-ups are
 * injectable for tests.
 */
final class FrameClock {
    static final long TICK_NANOS = 100_000L;

    /** Arms one wake-up; what it returns cancels it. */
    interface WakeUps {
        Runnable wakeAt(long nanos, Runnable wake);
    }

    private final LongSupplier nanoTime;
    private final WakeUps wakeUps;
    private final DueTasks due = new DueTasks();
    private final Runnable fire = this::fire;
    private long armedAt = Long.MAX_VALUE;
    private Runnable cancelArmed;

    FrameClock(LongSupplier nanoTime, WakeUps wakeUps) {
        this.nanoTime = nanoTime;
        this.wakeUps = wakeUps;
    }

    /**
     * The clock of the calling event-loop thread, shared by every connection served on it: a connection's callbacks
     * run on its own event loop, which need not be the one its server was started on, so the clock goes with the
     * thread (a clock bound to the listener's loop was touched from two threads and lost tasks).
     */
    static FrameClock ofCallingLoop() {
        return LOOP_CLOCKS.get();
    }

    private static final FastThreadLocal<FrameClock> LOOP_CLOCKS = new FastThreadLocal<>() {
        @Override
        protected FrameClock initialValue() {
            ContextInternal context = (ContextInternal) Vertx.currentContext();
            if (context == null || !context.nettyEventLoop().inEventLoop()) {
                throw new IllegalStateException("a frame clock is used on a Vert.x event loop only");
            }
            EventLoop loop = context.nettyEventLoop();
            return new FrameClock(System::nanoTime, (at, wake) -> {
                Handler<Void> onContext = v -> wake.run();
                ScheduledFuture<?> armed = loop.schedule(() -> context.emit(onContext),
                        Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
                return () -> armed.cancel(false);
            });
        }
    };

    /** Runs {@code task} on the event loop at or after {@code deadlineNanos} ({@link System#nanoTime()} scale). */
    void at(long deadlineNanos, Runnable task) {
        long tick = -Math.floorDiv(-deadlineNanos, TICK_NANOS) * TICK_NANOS;
        due.add(tick, task);
        if (tick < armedAt) {
            arm(tick);
        }
    }

    private void arm(long tick) {
        if (cancelArmed != null) {
            cancelArmed.run();
        }
        armedAt = tick;
        cancelArmed = wakeUps.wakeAt(tick, fire);
    }

    /** Runs every task whose tick has come, including tasks they file that are already due; re-arms for the rest. */
    void fire() {
        cancelArmed = null;
        armedAt = Long.MAX_VALUE;
        long now = nanoTime.getAsLong();
        while (!due.isEmpty() && due.earliest() <= now) {
            due.poll().run();
        }
        if (!due.isEmpty()) {
            arm(due.earliest());
        }
    }
}
