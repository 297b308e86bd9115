package io.aoaigw.harness.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.CallLog;
import io.aoaigw.harness.target.ResolvedTarget;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's inside view through its admin API: what each account received (ground truth) and Front Door's
 * origin health. Only an embedded target has one; checks that use it say what replaces it on a real target.
 */
public final class InsideView {
    private final AdminClient admin;
    private final List<String> accounts;
    private final CallLog calls;

    private InsideView(AdminClient admin, List<String> accounts, CallLog calls) {
        this.admin = admin;
        this.accounts = List.copyOf(accounts);
        this.calls = calls;
    }

    /** The target's inside view: present for an embedded target only. */
    public static Optional<InsideView> of(ResolvedTarget target) {
        return target.admin().map(admin -> new InsideView(admin, target.names().accounts(), target.calls()));
    }

    /** A request as the account that served it recorded it. */
    public record Served(String account, JsonNode record) {
        public boolean carriedApiKey() {
            return record.path("carriedApiKey").asBoolean();
        }

        public boolean carriedAuthorization() {
            return record.path("carriedAuthorization").asBoolean();
        }

        public String objectId() {
            return record.path("objectId").isTextual() ? record.path("objectId").asText() : null;
        }

        /** Milliseconds between the account's writes of the first and the last content frame (0 when not a stream). */
        public double contentSpreadMs() {
            JsonNode frames = record.path("contentFrameEpochMicros");
            return frames.size() < 2 ? 0 : (frames.get(frames.size() - 1).asLong() - frames.get(0).asLong()) / 1000.0;
        }

        public List<String> presentHeaders() {
            return java.util.stream.StreamSupport.stream(record.path("presentHeaders").spliterator(), false)
                    .map(JsonNode::asText).toList();
        }
    }

    /** Which account served the answer with this {@code x-request-id}; empty when none recorded it. */
    public Optional<Served> servedBy(String requestId) {
        if (requestId == null) {
            return Optional.empty();
        }
        for (String account : accounts) {
            try {
                return Optional.of(new Served(account, get("/admin/accounts/" + account + "/requests/" + requestId)));
            } catch (AdminClient.AdminException e) {
                if (!e.getMessage().contains(" answered 404")) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** Front Door's state: {@code origins[]} with name, account, healthy, probes {lastStatus, …}. */
    public JsonNode frontDoor() {
        return get("/admin/frontdoor");
    }

    private JsonNode get(String path) {
        calls.record("GET", admin.uri(path));
        return admin.get(path);
    }
}
