package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The injection the profile describes (open arrivals or closed concurrency), and the run's time bound. */
final class LoadInjection {
    private final LoadProfile profile;
    private final LoadTarget target;

    LoadInjection(LoadProfile profile, LoadTarget target) {
        this.profile = profile;
        this.target = target;
    }

    /** The profile's {@code bounds.maxDurationSec}, or a real target's own limit when lower. */
    Duration maxDuration() {
        long bound = profile.bounds().maxDurationSec();
        return Duration.ofSeconds(target.real().map(t -> Math.min(bound, t.limits().maxDurationSeconds()))
                .orElse(bound));
    }

    /** Each scenario gets its share of the profile's arrivals or concurrency (header path: {@code headerShare}). */
    List<PopulationBuilder> populations(ScenarioBuilder sse, ScenarioBuilder headers) {
        double h = profile.headerShare();
        LoadProfile.Workload w = profile.workload();
        // a closed model's users are split whole, so the two scenarios together hold exactly its concurrency
        double sseShare = w.model() == LoadProfile.Workload.Model.closed
                ? Math.round(w.concurrency() * (1 - h)) / (double) w.concurrency() : 1 - h;
        List<PopulationBuilder> out = new ArrayList<>();
        if (sseShare > 0) {
            out.add(inject(sse, sseShare));
        }
        if (sseShare < 1) {
            out.add(inject(headers, 1 - sseShare));
        }
        return out;
    }

    /** The whole of the profile's arrivals or concurrency for one scenario. */
    PopulationBuilder population(ScenarioBuilder scenario) {
        return inject(scenario, 1.0);
    }

    private PopulationBuilder inject(ScenarioBuilder scenario, double share) {
        LoadProfile.Workload w = profile.workload();
        if (w.model() == LoadProfile.Workload.Model.open) {
            List<OpenInjectionStep> steps = new ArrayList<>();
            double rate = w.usersPerSec() * share;
            if (w.startUsersPerSec() != null) {
                steps.add(rampUsersPerSec(w.startUsersPerSec() * share).to(rate).during(w.durationSec()));
            } else {
                if (w.rampSec() > 0) {
                    steps.add(rampUsersPerSec(0).to(rate).during(w.rampSec()));
                }
                steps.add(constantUsersPerSec(rate).during(w.durationSec()));
            }
            return scenario.injectOpen(steps);
        }
        int users = (int) Math.round(w.concurrency() * share);
        List<ClosedInjectionStep> steps = new ArrayList<>();
        if (w.rampSec() > 0) {
            steps.add(rampConcurrentUsers(0).to(users).during(w.rampSec()));
        }
        steps.add(constantConcurrentUsers(users).during(w.durationSec()));
        return scenario.injectClosed(steps);
    }
}
