package io.aoaigw.harness.emulator.apim.testsupport;

import io.aoaigw.harness.emulator.apim.ApimBackends;
import io.aoaigw.harness.emulator.apim.ApimEmulator;
import io.aoaigw.harness.emulator.apim.ApimRequestRecord;
import io.vertx.core.Promise;
import java.util.List;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One emulated APIM with its surroundings for a test: a recording Front Door stand-in, optional accounts and the
 * fake identity endpoint, all on ephemeral loopback ports of the test's Vert.x (closing Vert.x closes them all).
 */
public final class Gateway {
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final ApimEmulator apim;
    public final RecordingBackend frontDoor;
    public final FakeManagedIdentityEndpoint identity;
    private final Vertx vertx;

    private Gateway(Vertx vertx, ApimEmulator apim, RecordingBackend frontDoor, FakeManagedIdentityEndpoint identity) {
        this.vertx = vertx;
        this.apim = apim;
        this.frontDoor = frontDoor;
        this.identity = identity;
    }

    public static Gateway start(Vertx vertx, ApimTopology topology, RecordingBackend.Responder frontDoorAnswers)
            throws Exception {
        return start(vertx, topology, frontDoorAnswers, 3600, Map.of());
    }

    public static Gateway start(Vertx vertx, ApimTopology topology, RecordingBackend.Responder frontDoorAnswers,
                                long tokenLifetimeSeconds, Map<String, RecordingBackend> accounts) throws Exception {
        RecordingBackend frontDoor = await(RecordingBackend.start(vertx, frontDoorAnswers));
        FakeManagedIdentityEndpoint identity = await(FakeManagedIdentityEndpoint.start(vertx,
                "identity-header-" + System.nanoTime(), tokenLifetimeSeconds));
        Map<String, URI> accountUrls = new java.util.HashMap<>();
        accounts.forEach((name, backend) -> accountUrls.put(name, URI.create(backend.url())));
        ApimBackends backends = new ApimBackends(URI.create(frontDoor.url()), accountUrls,
                URI.create(identity.url()), identity.identityHeader(), null);
        ApimEmulator apim = await(ApimEmulator.start(vertx, topology.build(), backends));
        return new Gateway(vertx, apim, frontDoor, identity);
    }

    /**
     * The gateway records a request once its answer has been handed over, so a client can finish reading before the
     * record exists: wait (bounded, on a timer) until {@code requests} requests are recorded, then return the records.
     */
    public List<ApimRequestRecord> records(int requests) throws Exception {
        Promise<List<ApimRequestRecord>> done = Promise.promise();
        poll(requests, System.nanoTime() + WAIT.toNanos(), done);
        List<ApimRequestRecord> records = await(done.future());
        if (records.size() < requests) {
            throw new AssertionError("only " + records.size() + " of " + requests + " requests were recorded");
        }
        return records;
    }

    /** Checks now, then again on one-shot timers until the count is reached or the deadline passed. */
    private void poll(int requests, long deadline, Promise<List<ApimRequestRecord>> done) {
        if (apim.stats().requests() >= requests || System.nanoTime() > deadline) {
            done.complete(apim.recentRequests());
        } else {
            vertx.setTimer(5, t -> poll(requests, deadline, done));
        }
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.await(WAIT);
    }

    public String chatPath(String deployment) {
        return "/deployments/" + deployment + "/chat/completions";
    }
}
