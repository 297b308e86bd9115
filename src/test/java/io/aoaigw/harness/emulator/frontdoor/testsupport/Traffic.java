package io.aoaigw.harness.emulator.frontdoor.testsupport;

import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Sends requests through Front Door and notes which origin answered each one (its {@code x-ms-region}, or "frontdoor"
 * when Front Door answered itself), followed by the status when it is not 200: "eastus", "eastus 503",
 * "frontdoor 504". Several lanes run side by side so a thousand requests take a second or two.
 */
public final class Traffic {
    private final FrontDoorFixture fd;

    public Traffic(FrontDoorFixture fd) {
        this.fd = fd;
    }

    /** Who answered each of {@code n} requests, in order (one lane, so the order is the routing order). */
    public List<String> sequence(int n) {
        return FrontDoorFixture.await(run(n, 1));
    }

    /** How many of {@code n} requests each origin answered. */
    public Map<String, Integer> spread(int n) {
        Map<String, Integer> counts = new TreeMap<>();
        FrontDoorFixture.await(run(n, 8)).forEach(who -> counts.merge(who, 1, Integer::sum));
        return counts;
    }

    private Future<List<String>> run(int n, int lanes) {
        HttpClient client = fd.vertx().createHttpClient();
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<Future<Void>> laneDone = IntStream.range(0, lanes)
                .mapToObj(lane -> Futures.onEventLoop(fd.vertx(),
                        () -> lane(client, n / lanes + (lane < n % lanes ? 1 : 0), answers)))
                .toList();
        return Future.all(laneDone).eventually(client::close).map(all -> List.copyOf(answers));
    }

    private Future<Void> lane(HttpClient client, int remaining, List<String> answers) {
        if (remaining == 0) {
            return Future.succeededFuture();
        }
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                        .setPort(fd.emulator().port()).setURI("/traffic"))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    String region = response.getHeader("x-ms-region");
                    String who = region != null ? region : "frontdoor";
                    return response.statusCode() == 200 ? who : who + " " + response.statusCode();
                }))
                .compose(who -> {
                    answers.add(who);
                    return lane(client, remaining - 1, answers);
                });
    }
}
