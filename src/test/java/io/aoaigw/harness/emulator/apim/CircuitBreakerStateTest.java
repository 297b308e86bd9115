package io.aoaigw.harness.emulator.apim;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.ApimBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breaker counts failures within the rule's interval only, and stays open for the trip duration. */
class CircuitBreakerStateTest {
    private static final long SECOND = 1_000_000_000L;
    private final CircuitBreakerState breaker = new CircuitBreakerState(new ApimBackend.CircuitBreaker(List.of(
            new ApimBackend.Rule("r", new ApimBackend.FailureCondition(2, "PT10S",
                    List.of(new ApimBackend.StatusCodeRange(500, 599)), null), "PT30S", null))));

    @Test
    void failuresFurtherApartThanTheIntervalNeverTrip() {
        breaker.record(500, 0);
        breaker.record(500, 11 * SECOND);

        assertThat(breaker.tripped(11 * SECOND)).isFalse();
    }

    @Test
    void failuresWithinTheIntervalTripForTheTripDurationThenClose() {
        breaker.record(500, 0);
        breaker.record(503, 9 * SECOND);

        assertThat(breaker.tripped(9 * SECOND)).isTrue();
        assertThat(breaker.tripped(38 * SECOND)).isTrue();
        assertThat(breaker.tripped(40 * SECOND)).isFalse();
        assertThat(breaker.trips()).isEqualTo(1);
    }
}
