package io.aoaigw.harness.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.target.AdminClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One request the ARM emulator answered, as its admin API lists it ({@code GET /admin/arm/requests}): method, path,
 * query and status, never headers (the bearer token lives there).
 */
public record ArmRequestSeen(String method, String path, String query, int status) {
    /** Every ARM request so far, oldest first. */
    public static List<ArmRequestSeen> all(AdminClient admin) {
        List<ArmRequestSeen> out = new ArrayList<>();
        for (JsonNode r : admin.get("/admin/arm/requests")) {
            out.add(new ArmRequestSeen(r.path("method").asText(), r.path("path").asText(),
                    r.path("query").isTextual() ? r.path("query").asText() : null, r.path("status").asInt()));
        }
        return out;
    }

    /** The requests after the first {@code skip}. */
    public static List<ArmRequestSeen> since(AdminClient admin, int skip) {
        List<ArmRequestSeen> all = all(admin);
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** Writes ARM refused with 405 ({@code GET /admin/arm/counters}). */
    public static long refusedWrites(AdminClient admin) {
        return admin.get("/admin/arm/counters").path("methodNotAllowed").asLong();
    }

    /** One line per request, as the emulator's log prints them. */
    public static String describe(List<ArmRequestSeen> requests) {
        return requests.stream().map(ArmRequestSeen::toString).collect(Collectors.joining("\n"));
    }

    /** e.g. {@code GET /subscriptions/…/service/apim-contoso?api-version=2024-05-01 → 200}. */
    @Override
    public String toString() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " → " + status;
    }
}
