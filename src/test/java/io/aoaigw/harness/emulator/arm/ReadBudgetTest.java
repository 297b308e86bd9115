package io.aoaigw.harness.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadBudgetTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void eachPrincipalHasItsReadsOfTheHourThenWaitsForTheNextHour() {
        ReadBudget budget = new ReadBudget(clock, 2);

        assertThat(budget.take("a").remaining()).isEqualTo(1);
        assertThat(budget.take("a").remaining()).isZero();
        assertThat(budget.take("b").remaining()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(20));
        ReadBudget.Take refused = budget.take("a");
        assertThat(refused.throttled()).isTrue();
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(40).toSeconds());
        clock.advance(Duration.ofMinutes(40));
        assertThat(budget.take("a").throttled()).isFalse();
    }
}
