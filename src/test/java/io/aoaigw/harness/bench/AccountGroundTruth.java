package io.aoaigw.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What the accounts themselves recorded (admin API ground truth) about a run's streams, and percentile summaries. */
final class AccountGroundTruth {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountGroundTruth() {
    }

    /** Server-side pacing error (µs) from the accounts' ground truth, for the streams of this run. */
    static ObjectNode read(HttpClientAgent client, String adminUrl, List<String> accounts, Set<String> ids,
                                  long ttftMs, long itlMs, int limit) throws Exception {
        Histogram written = new Histogram(1, TimeUnit.HOURS.toMicros(1), 3);
        int matched = 0;
        int records = 0;
        List<long[]> events = new ArrayList<>(); // {time, +1 arrival | -1 completion}
        for (String account : accounts) {
            String body = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                            .setAbsoluteURI(adminUrl + "/admin/accounts/" + account + "/requests?limit=" + limit))
                    .compose(r -> r.send().compose(resp -> resp.body())).await(30, TimeUnit.SECONDS).toString();
            try {
                JsonNode all = JSON.readTree(body);
                JsonNode list = all.isArray() ? all : all.path("requests");
                for (JsonNode rec : list) {
                    records++;
                    if (!ids.contains(rec.path("requestId").asText())) {
                        continue;
                    }
                    matched++;
                    long arrival = rec.path("arrivalEpochMicros").asLong();
                    events.add(new long[] {arrival, 1});
                    events.add(new long[] {rec.path("completedEpochMicros").asLong(), -1});
                    JsonNode content = rec.path("contentFrameEpochMicros");
                    for (int i = 0; i < content.size(); i++) {
                        long err = content.get(i).asLong() - (arrival + ttftMs * 1000 + i * itlMs * 1000);
                        written.recordValue(Math.max(0, err));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read ground truth of " + account + ": " + e, e);
            }
        }
        // the most streams the accounts were serving at once (of this run's streams)
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int open = 0;
        int maxOpen = 0;
        for (long[] e : events) {
            open += (int) e[1];
            maxOpen = Math.max(maxOpen, open);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("recordsRead", records);
        out.put("maxConcurrentAtAccounts", maxOpen);
        out.put("streamsMatched", matched);
        out.set("writtenLateMicros", percentiles(written));
        return out;
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("count", h.getTotalCount());
        o.put("p50", h.getValueAtPercentile(50));
        o.put("p90", h.getValueAtPercentile(90));
        o.put("p99", h.getValueAtPercentile(99));
        o.put("p999", h.getValueAtPercentile(99.9));
        o.put("max", h.getMaxValue());
        o.put("mean", Math.round(h.getMean()));
        return o;
    }
}
