package io.aoaigw.harness.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The accounts' open streams (admin counters, summed), polled every 250 ms while a measured run lasts. */
final class OpenStreamsPoller {
    private final Vertx vertx;
    private final long timer;
    private final AtomicInteger max = new AtomicInteger(-1);

    private OpenStreamsPoller(Vertx vertx, HttpClientAgent client, String adminUrl, List<String> accounts) {
        this.vertx = vertx;
        this.timer = accounts.isEmpty() ? -1 : vertx.setPeriodic(250, id -> Future.all(accounts.stream()
                .map(account -> client.request(new RequestOptions().setMethod(HttpMethod.GET)
                                .setAbsoluteURI(adminUrl + "/admin/accounts/" + account + "/counters"))
                        .compose(r -> r.send().compose(resp -> resp.body()))
                        .map(b -> b.toJsonObject().getLong("openStreams", 0L)))
                .toList()).onSuccess(all -> {
                    long sum = 0;
                    for (int i = 0; i < all.size(); i++) {
                        sum += all.<Long>resultAt(i);
                    }
                    max.accumulateAndGet((int) sum, Math::max);
                }));
    }

    static OpenStreamsPoller start(Vertx vertx, HttpClientAgent client, String adminUrl, List<String> accounts) {
        return new OpenStreamsPoller(vertx, client, adminUrl, accounts);
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The most open streams seen; -1 when nothing was polled. */
    int max() {
        return max.get();
    }
}
