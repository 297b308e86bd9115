package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.JsonNode;

/** A request as the account that received it recorded it ({@code GET /admin/accounts/{name}/requests}). */
record SeenRequest(JsonNode record) {
    boolean carriedApiKey() {
        return record.path("carriedApiKey").asBoolean();
    }

    boolean carriedAuthorization() {
        return record.path("carriedAuthorization").asBoolean();
    }

    /** The credential the account accepted: NONE, API_KEY or BEARER. */
    String authKind() {
        return record.path("authKind").asText();
    }

    /** Which headers the account cared about were present (lower case): x-azure-fdid, via, api-key, … */
    java.util.List<String> presentHeaders() {
        java.util.List<String> out = new java.util.ArrayList<>();
        record.path("presentHeaders").forEach(h -> out.add(h.asText()));
        return out;
    }

    String objectId() {
        return record.path("objectId").isTextual() ? record.path("objectId").asText() : null;
    }

    long[] contentFrameEpochMicros() {
        long[] out = new long[record.path("contentFrameEpochMicros").size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = record.path("contentFrameEpochMicros").get(i).asLong();
        }
        return out;
    }
}
