package io.aoaigw.harness.load;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Topology;
import java.util.List;

/** Checks a bound profile: required fields, ranges, bounds, and that its deployments exist in its topology. */
final class LoadProfileValidator {
    /** A problem at a field path such as {@code workload.usersPerSec}. */

    private final Problems problems = new Problems();

    List<Problem> check(LoadProfile p, Topology topology) {
        require(p.name() != null && !p.name().isBlank(), "name", "required");
        require(p.topology() != null, "topology", "required (a file under scenarios/topologies)");
        checkShape(p.shape());
        checkWorkload(p.workload());
        checkBounds(p.bounds());
        if (problems.list().isEmpty()) {
            checkUsersWithinBounds(p.workload(), p.bounds().maxRequests());
        }
        require(p.retries().max() >= 0 && p.retries().max() <= 10, "retries.max", "must be 0..10");
        require(p.headerShare() >= 0 && p.headerShare() <= 1, "headerShare", "must be between 0 and 1");
        require(p.distribution().sigmas() > 0, "distribution.sigmas", "must be > 0");
        positiveOrAbsent(p.slo().ttftP95Ms(), "slo.ttftP95Ms");
        positiveOrAbsent(p.slo().itlP95Ms(), "slo.itlP95Ms");
        positiveOrAbsent(p.slo().minTokensPerSec(), "slo.minTokensPerSec");
        Double err = p.slo().errorPercent();
        require(err == null || (err >= 0 && err <= 100), "slo.errorPercent", "must be between 0 and 100");
        require(!p.deployments().isEmpty(), "deployments", "at least one deployment id");
        require(p.prompts() == null || (p.prompts().file() != null && !p.prompts().file().isBlank()), "prompts.file",
                "required: a JSONL file of chat completions requests");
        if (topology != null) {
            checkDeployments(p, topology);
        }
        return problems.list();
    }

    private void checkShape(LoadProfile.Shape s) {
        if (s == null) {
            problems.add("shape", "required: {inputTokens, outputTokens}");
            return;
        }
        require(s.inputTokens() != null && s.inputTokens() >= 1 && s.inputTokens() <= 100_000, "shape.inputTokens",
                "must be 1..100000");
        require(s.outputTokens() != null && s.outputTokens() >= 1 && s.outputTokens() <= 16_000,
                "shape.outputTokens", "must be 1..16000");
    }

    private void checkWorkload(LoadProfile.Workload w) {
        if (w == null || w.model() == null) {
            problems.add(w == null ? "workload" : "workload.model", "required: open or closed");
            return;
        }
        if (w.model() == LoadProfile.Workload.Model.open) {
            require(w.usersPerSec() != null && w.usersPerSec() > 0, "workload.usersPerSec",
                    "required > 0 for an open model");
            require(w.concurrency() == null, "workload.concurrency", "only for a closed model");
            positiveOrAbsent(w.startUsersPerSec(), "workload.startUsersPerSec");
        } else {
            require(w.concurrency() != null && w.concurrency() > 0, "workload.concurrency",
                    "required > 0 for a closed model");
            require(w.usersPerSec() == null, "workload.usersPerSec", "only for an open model");
        }
        require(w.durationSec() != null && w.durationSec() > 0, "workload.durationSec", "required > 0");
        require(w.rampSec() >= 0, "workload.rampSec", "must be >= 0");
    }

    private void checkBounds(LoadProfile.Bounds b) {
        // every run must stop by itself: both bounds are mandatory, there is no "unbounded"
        if (b == null) {
            problems.add("bounds", "required: {maxRequests, maxDurationSec}");
            return;
        }
        require(b.maxRequests() != null && b.maxRequests() > 0, "bounds.maxRequests", "required > 0");
        require(b.maxDurationSec() != null && b.maxDurationSec() > 0 && b.maxDurationSec() <= 86_400,
                "bounds.maxDurationSec", "required, 1..86400");
    }

    /**
     * Every virtual user sends at least one request, so a workload that brings more users than
     * {@code bounds.maxRequests} cannot stay inside its bounds: the extra users would only fill memory (a rate of
     * 1e8/s once injected millions and ran out of heap). Refused rather than silently capped, so that what runs is
     * what the profile says.
     */
    private void checkUsersWithinBounds(LoadProfile.Workload w, int maxRequests) {
        if (w.model() == LoadProfile.Workload.Model.closed) {
            require(w.concurrency() <= maxRequests, "workload.concurrency", w.concurrency()
                    + " concurrent users exceed bounds.maxRequests " + maxRequests);
            return;
        }
        double users = w.startUsersPerSec() != null
                ? (w.startUsersPerSec() + w.usersPerSec()) / 2 * w.durationSec()
                : w.usersPerSec() * (w.rampSec() / 2.0 + w.durationSec());
        require(users <= maxRequests, "workload.usersPerSec", String.format(java.util.Locale.ROOT,
                "%s users/s brings %.0f users, more than bounds.maxRequests %d: lower the rate or raise the bound",
                w.usersPerSec(), users, maxRequests));
    }

    private void checkDeployments(LoadProfile p, Topology topology) {
        for (int i = 0; i < p.deployments().size(); i++) {
            String id = p.deployments().get(i);
            for (Account a : topology.accounts()) {
                Deployment d = a.deployment(id).orElse(null);
                if (d == null || d.kind() != Deployment.Kind.chat) {
                    problems.add("deployments[" + i + "]", "'" + id + "' is not a chat deployment of account '"
                            + a.name() + "' in topology " + topology.name());
                    return;
                }
            }
        }
    }

    private void positiveOrAbsent(Double value, String path) {
        require(value == null || value > 0, path, "must be > 0");
    }

    private void require(boolean ok, String path, String message) {
        problems.check(ok, path, message);
    }
}
