package io.aoaigw.harness.emulator.arm;

import java.time.Instant;

/**
 * One request ARM answered: method, path, query and status. Headers are not kept (the bearer token lives there), and
 * ARM queries carry no secrets, so a record can be printed and shown as is.
 */
public record ArmRequestRecord(Instant at, String method, String path, String query, int status) {

    /** e.g. {@code GET /subscriptions/…/service/apim-contoso?api-version=2024-05-01 → 200}. */
    @Override
    public String toString() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " → " + status;
    }
}
