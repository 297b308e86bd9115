package io.aoaigw.harness.load;

import java.util.Map;

/**
 * Finds the knee of a capacity run in its per-second timeline: the first second of sustained throttling (429s in at
 * least {@link #SUSTAINED} of the {@link #LOOKAHEAD} seconds from it), and what the deployments sustained from there —
 * admitted chats per minute, the median of the 10 s and of the 60 s windows from the knee to the last loaded second.
 *
 * <p>Why from the knee and not before it: once every origin is saturated it admits exactly its limit in any window of
 * the limit's own length — the request window (10 s) of an RPM limit, the minute of a TPM count, which resets on the
 * deployment's own minute (docs/emulator.md) — while the seconds before the knee still hold the ramp below it. So a
 * profile holds its offered rate above the expected limit for a minute after the knee.
 */
public final class KneeDetector {
    static final int LOOKAHEAD = 5;
    static final int SUSTAINED = 3;

    private KneeDetector() {
    }

    /** Chats per minute over a window of {@code seconds}; {@code complete} false when the run ended inside it. */
    public record Window(int seconds, double requestsPerMin, boolean complete) {
    }

    /**
     * @param reached    whether throttling became sustained
     * @param partial    the run ended before a knee: the windows are the best the run sustained, a lower bound
     * @param kneeSecond seconds from the start of measurement to the knee; -1 when not reached
     * @param end        first epoch second after the span the windows were measured over (the run's last, partial
     *                   second left out), so other counters can be read over the same seconds
     */
    public record Knee(boolean reached, boolean partial, long kneeSecond, Window tenSeconds, Window minute,
                       long end) {

        /** The knee's figure: the minute window when complete, else the 10 s one. */
        public double requestsPerMin() {
            return minute.complete() ? minute.requestsPerMin() : tenSeconds.requestsPerMin();
        }
    }

    /**
     * @param timeline epoch second → counters ({@code ok}, {@code throttled429})
     * @param from     first measured epoch second (after warm-up)
     * @param runEnd   first epoch second after the run
     */
    public static Knee detect(Map<Long, Map<String, Long>> timeline, long from, long runEnd) {
        Clock c = Clock.of(timeline);
        long end = Math.min(runEnd, lastLoaded(timeline, c));
        for (long s = from; s < end; s++) {
            if (throttled(timeline, c, s) && sustained(timeline, c, s, end)) {
                return new Knee(true, false, s - from, window(timeline, c, s, 10, end),
                        window(timeline, c, s, 60, end), end);
            }
        }
        return new Knee(false, true, -1, best(timeline, c, from, 10, end), best(timeline, c, from, 60, end), end);
    }

    /**
     * Which counters to read: by the second a request was sent when the run has them (the header path: the second
     * the account admitted or refused it), else by the second answers ended (an answer takes seconds, so this blurs
     * a window's edges).
     */
    record Clock(String admitted, String throttled) {
        static Clock of(Map<Long, Map<String, Long>> timeline) {
            boolean sent = timeline.values().stream().anyMatch(m -> m.containsKey(LoadSummary.ADMITTED_SENT));
            return sent ? new Clock(LoadSummary.ADMITTED_SENT, LoadSummary.THROTTLED_SENT)
                    : new Clock(LoadSummary.OK, LoadSummary.THROTTLED);
        }
    }

    /** The last second requests were sent in, itself left out: the load stopped inside it. */
    private static long lastLoaded(Map<Long, Map<String, Long>> timeline, Clock c) {
        long last = Long.MIN_VALUE;
        for (Map.Entry<Long, Map<String, Long>> e : timeline.entrySet()) {
            if (e.getValue().getOrDefault(c.admitted(), 0L) + e.getValue().getOrDefault(c.throttled(), 0L) > 0) {
                last = Math.max(last, e.getKey());
            }
        }
        return last == Long.MIN_VALUE ? Long.MAX_VALUE : last;
    }

    private static boolean sustained(Map<Long, Map<String, Long>> timeline, Clock c, long s, long end) {
        long last = Math.min(end, s + LOOKAHEAD);
        int seconds = 0;
        for (long t = s; t < last; t++) {
            seconds += throttled(timeline, c, t) ? 1 : 0;
        }
        return seconds >= Math.min(SUSTAINED, last - s);
    }

    private static boolean throttled(Map<Long, Map<String, Long>> timeline, Clock c, long s) {
        return timeline.getOrDefault(s, Map.of()).getOrDefault(c.throttled(), 0L) > 0;
    }

    /**
     * What the windows of {@code seconds} from the knee on carried, their median: the first can still hold an origin's
     * unspent minute (saturated later than the knee), a few dip where a freed slot waited for its next arrival.
     * Partial from the knee when none fits.
     */
    private static Window window(Map<Long, Map<String, Long>> timeline, Clock c, long knee, int seconds, long end) {
        if (knee + seconds > end) {
            return new Window(seconds, perMinute(timeline, c.admitted(), knee, seconds, end), false);
        }
        java.util.List<Double> rates = new java.util.ArrayList<>();
        for (long s = knee; s + seconds <= end; s++) {
            rates.add(perMinute(timeline, c.admitted(), s, seconds, end));
        }
        java.util.Collections.sort(rates);
        return new Window(seconds, rates.get(rates.size() / 2), true);
    }

    private static Window at(Map<Long, Map<String, Long>> timeline, Clock c, long start, int seconds, long end) {
        return new Window(seconds, perMinute(timeline, c.admitted(), start, seconds, end), start + seconds <= end);
    }

    /** A timeline counter per minute over {@code [start, start + seconds)}, cut at {@code end}. */
    static double perMinute(Map<Long, Map<String, Long>> timeline, String counter, long start, int seconds,
                            long end) {
        long last = Math.min(end, start + seconds);
        long sum = 0;
        for (long t = start; t < last; t++) {
            sum += timeline.getOrDefault(t, Map.of()).getOrDefault(counter, 0L);
        }
        return sum * 60.0 / Math.max(1, last - start);
    }

    /** The busiest window of the run (no knee: what it carried is at least this much). */
    private static Window best(Map<Long, Map<String, Long>> timeline, Clock c, long from, int seconds, long end) {
        Window best = at(timeline, c, from, seconds, end);
        for (long s = from + 1; s + seconds <= end; s++) {
            Window w = at(timeline, c, s, seconds, end);
            if (w.requestsPerMin() > best.requestsPerMin()) {
                best = w;
            }
        }
        return best;
    }
}
