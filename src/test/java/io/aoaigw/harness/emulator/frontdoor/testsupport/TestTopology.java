package io.aoaigw.harness.emulator.frontdoor.testsupport;

import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a topology with just a Front Door over test origins. Defaults suit tests that are not about latency or
 * health: GET probes on {@link TestOrigin#PROBE_PATH} every second, sample size 4 with 3 required, and an additional
 * latency band of 1 s, wide enough that loopback probe jitter on a busy machine never narrows the weighted choice.
 */
public final class TestTopology {
    private final List<FrontDoor.Origin> origins = new ArrayList<>();
    private String probeMethod = "GET";
    private int sampleSize = 4;
    private int successfulSamplesRequired = 3;
    private int additionalLatencyMs = 1000;
    private boolean retryOnServerError;
    private int port;

    public TestTopology origin(String name, int priority, int weight) {
        origins.add(new FrontDoor.Origin(name, name, priority, weight, true, null));
        return this;
    }

    public TestTopology origin(FrontDoor.Origin origin) {
        origins.add(origin);
        return this;
    }

    public TestTopology probeMethod(String method) {
        probeMethod = method;
        return this;
    }

    public TestTopology samples(int size, int required) {
        sampleSize = size;
        successfulSamplesRequired = required;
        return this;
    }

    public TestTopology additionalLatencyMs(int ms) {
        additionalLatencyMs = ms;
        return this;
    }

    public TestTopology retryOnServerError(boolean retry) {
        retryOnServerError = retry;
        return this;
    }

    /** Pins the Front Door listener's port (0: ephemeral). */
    public TestTopology port(int value) {
        port = value;
        return this;
    }

    public List<String> originNames() {
        return origins.stream().map(FrontDoor.Origin::name).toList();
    }

    public Topology build() {
        FrontDoor.OriginGroup group = new FrontDoor.OriginGroup("test-origins",
                new FrontDoor.HealthProbe(TestOrigin.PROBE_PATH, probeMethod, "Http", 1),
                new FrontDoor.LoadBalancing(sampleSize, successfulSamplesRequired, additionalLatencyMs),
                30, retryOnServerError);
        FrontDoor frontDoor = new FrontDoor("afd-test", "test-endpoint", port, group, origins);
        return new Topology("frontdoor-test", "00000000-0000-4000-8000-000000000001", "rg-test",
                "00000000-0000-4000-8000-000000000002", null, null, null, frontDoor, null, null);
    }
}
