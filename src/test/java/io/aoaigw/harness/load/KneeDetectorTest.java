package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The knee of a timeline: first sustained 429s, and what was carried from there over 10 s and 60 s. */
class KneeDetectorTest {
    private static final long T0 = 1_700_000_000L;

    @Test
    void aRampPastALimitHasItsKneeWhere429sBecomeSustainedAndCarriesTheLimitFromThere() {
        // ramp 10, 12, 14 … ok/s until 30/s, then the limit: 30 ok/s and 429s for whatever is offered above it
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 100; s++) {
            long offered = 10 + 2L * s;
            long ok = Math.min(offered, 30);
            second(timeline, s, ok, offered - ok);
        }
        KneeDetector.Knee knee = KneeDetector.detect(timeline, T0, T0 + 100);

        assertThat(knee.reached()).isTrue();
        assertThat(knee.partial()).isFalse();
        assertThat(knee.kneeSecond()).isEqualTo(11);
        assertThat(knee.tenSeconds().requestsPerMin()).isEqualTo(1_800.0);
        assertThat(knee.minute().requestsPerMin()).isEqualTo(1_800.0);
        assertThat(knee.minute().complete()).isTrue();
        assertThat(knee.requestsPerMin()).isEqualTo(1_800.0);
    }

    @Test
    void aStray429IsNotAKnee() {
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 40; s++) {
            second(timeline, s, 20, s == 5 ? 1 : s >= 30 ? 4 : 0);
        }
        assertThat(KneeDetector.detect(timeline, T0, T0 + 40).kneeSecond()).isEqualTo(30);
    }

    @Test
    void measurementStartsAfterTheWarmUp() {
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 80; s++) {
            second(timeline, s, 10, s < 5 || s >= 20 ? 3 : 0); // throttled during warm-up, then from second 20
        }
        KneeDetector.Knee knee = KneeDetector.detect(timeline, T0 + 10, T0 + 80);
        assertThat(knee.kneeSecond()).isEqualTo(10);
    }

    @Test
    void aRunThatEndsBeforeTheMinuteAfterItsKneeSaysItsMinuteIsIncompleteAndUsesTheTenSeconds() {
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 40; s++) {
            second(timeline, s, s < 20 ? 10 : 25, s < 20 ? 0 : 5);
        }
        KneeDetector.Knee knee = KneeDetector.detect(timeline, T0, T0 + 40);
        assertThat(knee.reached()).isTrue();
        assertThat(knee.minute().complete()).isFalse();
        assertThat(knee.tenSeconds().complete()).isTrue();
        assertThat(knee.requestsPerMin()).isEqualTo(1_500.0);
    }

    @Test
    void aRunWithoutSustainedThrottlingIsPartialAndReportsTheBestItSustained() {
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 30; s++) {
            second(timeline, s, s < 20 ? 5 : 8, 0);
        }
        KneeDetector.Knee knee = KneeDetector.detect(timeline, T0, T0 + 30);
        assertThat(knee.reached()).isFalse();
        assertThat(knee.partial()).isTrue();
        assertThat(knee.kneeSecond()).isEqualTo(-1);
        // the last loaded second is left out (the load stopped inside it): seconds 19-28, one at 5 and nine at 8
        assertThat(knee.tenSeconds().requestsPerMin()).isEqualTo(462.0);
        assertThat(knee.minute().complete()).isFalse();
    }

    @Test
    void withTheHeaderPathsSendTimesTheKneeIsReadOnTheAccountsClockNotWhenAnswersEnded() {
        Map<Long, Map<String, Long>> timeline = new TreeMap<>();
        for (int s = 0; s < 40; s++) {
            second(timeline, s, 99, 0); // answers ending: misleading on purpose
            timeline.get(T0 + s).put(LoadSummary.ADMITTED_SENT, s < 10 ? 5L : 20L);
            if (s >= 10) {
                timeline.get(T0 + s).put(LoadSummary.THROTTLED_SENT, 2L);
            }
        }
        KneeDetector.Knee knee = KneeDetector.detect(timeline, T0, T0 + 40);
        assertThat(knee.kneeSecond()).isEqualTo(10);
        assertThat(knee.tenSeconds().requestsPerMin()).isEqualTo(1_200.0);
    }

    private static void second(Map<Long, Map<String, Long>> timeline, int s, long ok, long throttled) {
        Map<String, Long> m = new TreeMap<>();
        m.put(LoadSummary.OK, ok);
        if (throttled > 0) {
            m.put(LoadSummary.THROTTLED, throttled);
        }
        timeline.put(T0 + s, m);
    }
}
