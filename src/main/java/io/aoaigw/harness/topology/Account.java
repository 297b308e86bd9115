package io.aoaigw.harness.topology;

import java.util.List;
import java.util.Optional;

/**
 * An Azure OpenAI (Cognitive Services, kind OpenAI) account. {@code keys} are the account's key1/key2 (generated per
 * run when absent); {@code latency} is the default for its deployments; {@code faults} are active from start.
 */
public record Account(String name, String region, Integer port, List<String> keys, LatencyModel latency,
                      Faults faults, List<Deployment> deployments) {

    public Account {
        port = Defaults.or(port, 0);
        keys = Defaults.list(keys);
        latency = Defaults.or(latency, LatencyModel.DEFAULT);
        faults = Defaults.or(faults, Faults.NONE);
        deployments = Defaults.list(deployments);
    }

    public Optional<Deployment> deployment(String id) {
        return deployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The deployment's own latency model, else the account's. */
    public LatencyModel latencyOf(Deployment deployment) {
        return deployment.latency() != null ? deployment.latency() : latency;
    }
}
