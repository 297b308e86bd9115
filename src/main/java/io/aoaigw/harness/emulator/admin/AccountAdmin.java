package io.aoaigw.harness.emulator.admin;

import io.aoaigw.harness.emulator.aoai.AccountEmulator;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.FaultsValidator;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** Admin routes of the Azure OpenAI accounts: counters, ground truth and runtime faults. */
public final class AccountAdmin {
    private AccountAdmin() {
    }

    public static void register(AdminRoutes routes, Map<String, AccountEmulator> accounts) {
        routes.add("GET", "/admin/accounts", "every account with its endpoint, state and counters",
                        req -> Future.succeededFuture(accounts.values().stream().map(AccountAdmin::summary).toList()))
                .add("GET", "/admin/accounts/{name}/counters", "the account's counters",
                        req -> Future.succeededFuture(account(accounts, req).counters()))
                .add("DELETE", "/admin/accounts/{name}/counters", "resets the account's counters and ground truth",
                        req -> {
                            AccountEmulator a = account(accounts, req);
                            a.resetCounters();
                            a.groundTruth().clear();
                            return Future.succeededFuture(null);
                        })
                .add("GET", "/admin/accounts/{name}/requests",
                        "recent requests with their ground truth (?limit=N, newest last; ?clientRequestId=ID: only"
                                + " those sent with that x-ms-client-request-id)",
                        req -> Future.succeededFuture(requests(account(accounts, req), req)))
                .add("GET", "/admin/accounts/{name}/ground-truth",
                        "how many requests the account recorded (total, dropped ones included) and how many it keeps",
                        req -> Future.succeededFuture(groundTruth(account(accounts, req))))
                .add("GET", "/admin/accounts/{name}/requests/{id}", "one request's ground truth by x-request-id",
                        req -> Future.succeededFuture(account(accounts, req).groundTruth().find(req.param("id"))
                                .orElseThrow(() -> AdminError.notFound("request " + req.param("id")))))
                .add("GET", "/admin/accounts/{name}/faults", "the account's current faults",
                        req -> Future.succeededFuture(account(accounts, req).faults()))
                .add("PUT", "/admin/accounts/{name}/faults", "replaces the account's faults (JSON like the topology's)",
                        req -> {
                            AccountEmulator a = account(accounts, req);
                            return a.setFaults(validFaults(req)).map(v -> (Object) a.faults());
                        })
                .add("DELETE", "/admin/accounts/{name}/faults", "clears the account's faults",
                        req -> account(accounts, req).clearFaults().map(v -> null));
    }

    private static AccountEmulator account(Map<String, AccountEmulator> accounts, AdminRequest req) {
        AccountEmulator account = accounts.get(req.param("name"));
        if (account == null) {
            throw AdminError.notFound("account '" + req.param("name") + "'");
        }
        return account;
    }

    /** The faults of the body, refused (400, one line) where the topology file's would be: one validator for both. */
    private static Faults validFaults(AdminRequest req) {
        Faults faults = req.strictBody(Faults.class);
        if (faults == null) {
            throw new AdminError(400, "body: a JSON object of faults is required");
        }
        FaultsValidator.problems(faults, "faults").stream().findFirst().ifPresent(p -> {
            throw new AdminError(400, p.path() + ": " + p.message());
        });
        return faults;
    }

    private static List<RequestRecord> requests(AccountEmulator account, AdminRequest req) {
        int limit = req.queryInt("limit", 100);
        String clientRequestId = req.query("clientRequestId", null);
        if (clientRequestId == null) {
            return account.groundTruth().recent(limit);
        }
        List<RequestRecord> sent = account.groundTruth().recent(account.groundTruth().capacity()).stream()
                .filter(r -> clientRequestId.equals(r.clientRequestId())).toList();
        return sent.subList(Math.max(0, sent.size() - limit), sent.size());
    }

    private static Map<String, Object> groundTruth(AccountEmulator a) {
        return Map.of("total", a.groundTruth().total(), "capacity", a.groundTruth().capacity());
    }

    private static Map<String, Object> summary(AccountEmulator a) {
        return Map.of("name", a.account().name(), "region", a.account().region(), "endpoint", a.endpoint(),
                "listening", a.isListening(), "faults", a.faults(), "counters", a.counters());
    }
}
