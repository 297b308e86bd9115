package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.target.AdminClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After the run, fetches the accounts' ground truth over the admin API: compares it with the timed streams
 * ({@link AccuracyReport}) into the summary's {@code figures.accuracy}, and finds the status the accounts answered to
 * the chats refused before their first frame (Gatling's SSE client does not expose it) into
 * {@code figures.chats.sseRefusedByStatus}, and to the layer that refused them ({@link SseRefusals},
 * {@code figures.layers}). A target without an admin API (a real deployment) has no truth: the
 * figures are then absent, and the run says so.
 */
final class GroundTruthComparison {
    private GroundTruthComparison() {
    }

    static void run(LoadRun run) {
        AccuracyReport accuracy = run.accuracy();
        Map<String, Long> refused = run.refusedBeforeFirstFrame();
        if (accuracy.isEmpty() && refused.isEmpty()) {
            return;
        }
        if (!run.target().hasAdmin()) {
            System.out.println("ground truth: none on this target (real deployment): accuracy not compared, status of"
                    + " SSE connections refused before the first frame unknown");
            unknownLayer(run.summary(), refused);
            return;
        }
        List<JsonNode> records;
        try {
            records = records(run);
        } catch (AdminClient.AdminException e) {
            System.err.println("ground truth unavailable, not compared: " + e.getMessage());
            unknownLayer(run.summary(), refused);
            return;
        }
        if (!accuracy.isEmpty()) {
            Map<String, long[]> truth = new HashMap<>();
            records.forEach(r -> AccuracyReport.truthOf(r, accuracy.clientRequestIds(), truth));
            accuracy.compareInto(truth, run.summary());
            System.out.println("accuracy: " + AccuracyReport.figures(run.summary()));
        }
        if (!refused.isEmpty()) {
            refusedStatuses(run, records, refused);
        }
    }

    /** Without ground truth each SSE refusal is still counted, under the {@code unknown} layer. */
    private static void unknownLayer(LoadSummary s, Map<String, Long> refused) {
        SseRefusals.byCount(s, List.copyOf(refused.values()), null, Map.of(), info -> 0);
    }

    /** Each account's recent request records; the run's own are among the last it sent at each account. */
    private static List<JsonNode> records(LoadRun run) {
        AdminClient admin = run.target().admin();
        long limit = Math.max(1, run.requestsSent());
        List<JsonNode> out = new ArrayList<>();
        for (String account : run.target().accountNames()) {
            out.add(admin.get("/admin/accounts/" + account + "/requests?limit=" + limit));
        }
        return out;
    }

    /**
     * Counts refused chats by the status an account gave them (those no account saw stay under "unknown") and
     * attributes each to its layer ({@link SseRefusals}).
     */
    private static void refusedStatuses(LoadRun run, List<JsonNode> records, Map<String, Long> refused) {
        LoadSummary s = run.summary();
        Map<String, Long> unmatched = new HashMap<>(refused);
        List<String> accounts = run.target().accountNames();
        for (int i = 0; i < records.size(); i++) {
            String region = run.topology().account(accounts.get(i)).map(a -> a.region()).orElse(accounts.get(i));
            for (JsonNode r : records.get(i)) {
                Long at = unmatched.remove(r.path("clientRequestId").asText(""));
                if (at != null) {
                    int status = r.path("status").asInt();
                    s.add(LoadSummary.SSE_REFUSED_STATUS + status, 1);
                    SseRefusals.byAccount(s, status, r.path("errorCode").asText(null), region, at);
                }
            }
        }
        if (!unmatched.isEmpty()) {
            s.add(LoadSummary.SSE_REFUSED_STATUS + "unknown", unmatched.size());
            SseRefusals.byCount(s, List.copyOf(unmatched.values()), LayerTruth.apimOwnSince(run.target(),
                    run.startMs()), LayerTruth.frontDoorErrorsSince(run.target(), run.layersBefore()),
                    LayerTruth.frontDoorStatusOf(run.target()));
        }
    }
}
