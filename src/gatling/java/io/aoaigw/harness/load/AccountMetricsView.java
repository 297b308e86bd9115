package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * After the run, reads each account's Azure Monitor metrics over the run's minutes through ARM (GETs with the
 * target's reader credential) into {@link AccountsView}: requests, prompt and generated tokens as the accounts
 * counted them. Any failure (no credential, no Reader, metrics refused) becomes one line in the summary, never a
 * failed run. {@code -DaccountsView=false} skips the read (e.g. a real target whose runner may not sign in).
 */
final class AccountMetricsView {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private AccountMetricsView() {
    }

    static ObjectNode read(LoadRun run, long endMs) {
        if (!Boolean.parseBoolean(System.getProperty("accountsView", "true"))) {
            return AccountsView.unavailable("not read (-DaccountsView=false)");
        }
        LoadTarget target = run.target();
        // Azure Monitor keeps whole minutes: from the run's first minute to the end of its last
        Instant from = Instant.ofEpochMilli(run.startMs()).truncatedTo(ChronoUnit.MINUTES);
        Instant to = Instant.ofEpochMilli(endMs).truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
        Duration lookback = Duration.between(from, to);
        try {
            List<AccountsView.Account> accounts = new ArrayList<>();
            for (String name : target.accountNames()) {
                String id = target.accountResourceId(name);
                accounts.add(new AccountsView.Account(name, region(run, name),
                        total(target, id, AccountsView.REQUESTS, lookback),
                        total(target, id, AccountsView.PROMPT_TOKENS, lookback),
                        total(target, id, AccountsView.GENERATED_TOKENS, lookback)));
            }
            return AccountsView.available(from + "/" + to, accounts, run.summary().origins());
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            return AccountsView.unavailable("Azure Monitor metrics not read: " + target.redact(why));
        }
    }

    private static long total(LoadTarget target, String resourceId, String metric, Duration lookback) {
        return AccountsView.total(target.arm().metric(resourceId, metric, lookback, MINUTE, "total", null));
    }

    /** The region the topology gives the account, else what ARM says (a real target's accounts). */
    private static String region(LoadRun run, String account) {
        Topology topology = run.topology();
        return topology.account(account).map(io.aoaigw.harness.topology.Account::region)
                .orElseGet(() -> run.target().arm().accountIfExists(account).map(a -> a.region()).orElse(null));
    }
}
