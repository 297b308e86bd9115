package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.details;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profile's SLOs: those Gatling can judge (p95 TTFT and ITL of the named timings, failed chats) as Gatling
 * assertions, the rest (minimum tokens/s, per-origin shares) checked against the summary after the run, printed and
 * written into the summary's {@code checks}.
 */
final class Slos {
    private Slos() {
    }

    static List<Assertion> assertions(LoadProfile p) {
        List<Assertion> out = new ArrayList<>();
        if (p.slo().ttftP95Ms() != null) {
            out.add(details(ReportTimings.TTFT).responseTime().percentile(95).lt(p.slo().ttftP95Ms().intValue()));
        }
        if (p.slo().itlP95Ms() != null) {
            out.add(details(ReportTimings.ITL).responseTime().percentile(95).lt(p.slo().itlP95Ms().intValue()));
        }
        if (p.slo().errorPercent() != null) {
            // per chat: one "Chat" event each, not Gatling's every event (frames, retried attempts)
            out.add(details(ReportChat.NAME).failedRequests().percent().lte(p.slo().errorPercent()));
        }
        return out;
    }

    /** Checks left to the summary; each entry is a check name and its problem ("" when it holds). */
    static Map<String, String> afterRun(LoadRun run) {
        Map<String, String> checks = new java.util.TreeMap<>();
        LoadSummary s = run.summary();
        Double min = run.profile().slo().minTokensPerSec();
        long streams = s.histogram(LoadSummary.STREAM_TOKENS_PER_SEC).getTotalCount();
        if (min != null && streams > 0) {
            // 95 % of streams must reach the minimum: the 5th percentile of per-stream tokens/s
            double p5 = s.histogram(LoadSummary.STREAM_TOKENS_PER_SEC).getValueAtPercentile(5) / 1000.0;
            checks.put("minTokensPerSec", p5 >= min ? "" : String.format("p5 of stream tokens/s %.1f < %.1f", p5, min));
        }
        Double err = run.profile().slo().errorPercent();
        long chats = s.count(LoadSummary.CHATS);
        if (err != null && chats > 0) {
            double failed = 100.0 * s.count(LoadSummary.FAILED) / chats;
            checks.put("errorPercent", failed <= err ? "" : String.format(
                    "%.2f %% of %d chats failed > %.2f %% (judged per chat)", failed, chats, err));
        }
        Map<String, Long> origins = s.origins();
        if (run.target().real().isPresent()) {
            System.out.println("check originShares: not asserted on a real target (the load reads no origin weights;"
                    + " the contract suite's S9 judges the spread)");
        } else if (origins.values().stream().mapToLong(Long::longValue).sum() >= 10) {
            List<String> problems = OriginShares.check(OriginShares.expected(run.topology()), origins,
                    run.profile().distribution().sigmas());
            checks.put("originShares", String.join("; ", problems));
        }
        checks.forEach((k, v) -> System.out.println("check " + k + ": " + (v.isEmpty() ? "OK" : "FAILED " + v)));
        return checks;
    }
}
