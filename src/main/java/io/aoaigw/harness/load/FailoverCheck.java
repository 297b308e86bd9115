package io.aoaigw.harness.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * Judges a failover from the per-second timeline of answers per origin ({@code origin:REGION}): while the origin is
 * down (after detection) it answers nothing and the others carry the traffic; after recovery it answers again.
 */
public final class FailoverCheck {
    private FailoverCheck() {
    }

    /** Check name → problem ("" when it holds). Seconds are epoch seconds. */
    public static Map<String, String> check(Map<Long, Map<String, Long>> timeline, String region, long downFrom,
                                            long downUntil, long recoveredFrom) {
        String key = "origin:" + region;
        long downed = 0;
        long others = 0;
        long after = 0;
        for (Map.Entry<Long, Map<String, Long>> e : timeline.entrySet()) {
            long sec = e.getKey();
            long mine = e.getValue().getOrDefault(key, 0L);
            long ok = e.getValue().getOrDefault(LoadSummary.OK, 0L);
            if (sec >= downFrom && sec < downUntil) {
                downed += mine;
                others += ok - mine;
            } else if (sec >= recoveredFrom) {
                after += mine;
            }
        }
        Map<String, String> checks = new TreeMap<>();
        checks.put("trafficLeftDownedOrigin", downed == 0 ? "" : region + " answered " + downed + " while down");
        checks.put("trafficMovedToOthers", others > 0 ? "" : "no other origin answered while " + region + " was down");
        checks.put("trafficCameBack", after > 0 ? "" : region + " answered nothing after it came back");
        checks.forEach((k, v) -> System.out.println("check " + k + ": " + (v.isEmpty() ? "OK" : "FAILED " + v)));
        return checks;
    }
}
