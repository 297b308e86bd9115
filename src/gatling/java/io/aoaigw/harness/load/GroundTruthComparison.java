package io.aoaigw.harness.load;

import io.aoaigw.harness.target.AdminClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * After the run, fetches the accounts' ground truth over the admin API and compares it with the timed streams
 * ({@link AccuracyReport}) into the summary's {@code figures.accuracy}. A target without an admin API (a real
 * deployment) has no truth: the figure is then absent, and the run says so.
 */
final class GroundTruthComparison {
    private GroundTruthComparison() {
    }

    static void run(LoadRun run) {
        AccuracyReport accuracy = run.accuracy();
        if (accuracy.isEmpty()) {
            return;
        }
        if (!run.target().hasAdmin()) {
            System.out.println("accuracy: no ground truth on this target (real deployment): not compared");
            return;
        }
        Set<String> wanted = accuracy.clientRequestIds();
        Map<String, long[]> truth = new HashMap<>();
        AdminClient admin = run.target().admin();
        // the run's own requests are among the last it sent at each account; older records are not needed
        long limit = Math.max(1, run.requestsSent());
        try {
            for (String account : run.target().accountNames()) {
                AccuracyReport.truthOf(admin.get("/admin/accounts/" + account + "/requests?limit=" + limit), wanted,
                        truth);
            }
        } catch (AdminClient.AdminException e) {
            System.err.println("accuracy: ground truth unavailable, not compared: " + e.getMessage());
            return;
        }
        accuracy.compareInto(truth, run.summary());
        System.out.println("accuracy: " + AccuracyReport.figures(run.summary()));
    }
}
