package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The frame clock on a hand-driven time source: which wake-ups it arms and what runs when one fires. */
class FrameClockTest {
    private long now = 1_000_000_000L;
    private final List<Long> armed = new ArrayList<>();
    private final List<Long> cancelled = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();
    private final FrameClock clock = new FrameClock(() -> now, (at, wake) -> {
        armed.add(at);
        return () -> cancelled.add(at);
    });

    @Test
    void aDeadlineIsRoundedUpToTheNextTenthOfAMillisecondNeverToAWholeOne() {
        clock.at(now + 20_000_050L, () -> ran.add("a"));

        assertThat(armed).containsExactly(now + 20_100_000L);
    }

    @Test
    void nothingRunsBeforeItsDeadlineAndEverythingDueRunsInOneWakeUp() {
        clock.at(now + 250_000L, () -> ran.add("b"));
        clock.at(now + 210_000L, () -> ran.add("a"));
        clock.at(now + 290_000L, () -> ran.add("c"));
        clock.at(now + 5_000_000L, () -> ran.add("later"));

        now += 200_000L;
        clock.fire();
        assertThat(ran).isEmpty();

        now += 100_000L;
        clock.fire();
        // 210, 250 and 290 µs share the tick ending at 300 µs: one wake-up, in filing order
        assertThat(ran).containsExactly("b", "a", "c");
        assertThat(armed.get(armed.size() - 1)).isEqualTo(now - 300_000L + 5_000_000L);
    }

    @Test
    void anEarlierDeadlineCancelsTheArmedWakeUpAndArmsItsOwn() {
        clock.at(now + 2_000_000L, () -> ran.add("late"));
        clock.at(now + 1_000_000L, () -> ran.add("early"));

        assertThat(armed).containsExactly(now + 2_000_000L, now + 1_000_000L);
        assertThat(cancelled).containsExactly(now + 2_000_000L);
    }

    @Test
    void tasksFiledByATaskThatAreAlreadyDueRunInTheSameWakeUpInFilingOrder() {
        clock.at(now + 100_000L, () -> {
            ran.add("first");
            clock.at(now - 1, () -> ran.add("filed-due"));
            clock.at(now + 10_000_000L, () -> ran.add("filed-later"));
        });
        clock.at(now + 100_000L, () -> ran.add("second"));

        now += 100_000L;
        clock.fire();

        assertThat(ran).containsExactly("first", "second", "filed-due");
    }

    @Test
    void eachEventLoopHasItsOwnClockAndNoClockServesOffALoop() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            // consecutive fresh event-loop contexts land on different event loops
            Context a = ((VertxInternal) vertx).createEventLoopContext();
            Context b = ((VertxInternal) vertx).createEventLoopContext();
            CompletableFuture<FrameClock> onA = new CompletableFuture<>();
            CompletableFuture<FrameClock> onAAgain = new CompletableFuture<>();
            CompletableFuture<FrameClock> onB = new CompletableFuture<>();
            a.runOnContext(v -> onA.complete(FrameClock.ofCallingLoop()));
            a.runOnContext(v -> onAAgain.complete(FrameClock.ofCallingLoop()));
            b.runOnContext(v -> onB.complete(FrameClock.ofCallingLoop()));

            assertThat(onAAgain.get()).isSameAs(onA.get());
            assertThat(onB.get()).isNotSameAs(onA.get());
            assertThatThrownBy(FrameClock::ofCallingLoop).isInstanceOf(IllegalStateException.class);
        } finally {
            Futures.await(vertx.close());
        }
    }

    @Test
    void manyStreamsComeOutInDeadlineOrder() {
        for (int i = 999; i >= 0; i--) {
            int stream = i;
            clock.at(now + (i % 100) * 1_000_000L + i, () -> ran.add(Integer.toString(stream)));
        }
        now += 200_000_000L;
        clock.fire();

        assertThat(ran).hasSize(1000);
        for (int i = 1; i < ran.size(); i++) {
            int a = Integer.parseInt(ran.get(i - 1));
            int b = Integer.parseInt(ran.get(i));
            assertThat((a % 100) * 1_000_000L + a - 1 < (b % 100) * 1_000_000L + b + 100_000L).isTrue();
        }
    }
}
