package io.aoaigw.harness.load;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a simulation sends its load: the APIM gateway of the embedded topology when it has one, else its first
 * account. Started in-process by the simulation, so {@code ./mvnw gatling:test} needs nothing running.
 */
final class LoadTarget implements AutoCloseable {
    private final EmbeddedTopology embedded;
    private final String baseUrl;
    private final String keyHeader;
    private final String key;

    private LoadTarget(EmbeddedTopology embedded) {
        this.embedded = embedded;
        Endpoints e = embedded.endpoints();
        if (e.apim() != null) {
            baseUrl = e.apim().gatewayUrl().replaceFirst("/openai/?$", "");
            keyHeader = embedded.topology().apim().api().subscriptionKey().header();
            key = e.apim().subscriptions().stream().filter(s -> "active".equals(s.state())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the topology has no active subscription"))
                    .primaryKey();
        } else {
            baseUrl = e.accounts().get(0).endpoint();
            keyHeader = "api-key";
            key = e.accounts().get(0).apiKey();
        }
    }

    /** Starts the embedded topology of this file; keys stay in memory, never logged. */
    static LoadTarget embedded(Path file) {
        try {
            Path dir = Files.createDirectories(Path.of("target/gatling-emulator"));
            return new LoadTarget(EmbeddedTopology.start(TopologyLoader.load(file), dir));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded topology: " + e.getMessage(), e);
        }
    }

    /** The admin API of the embedded topology (faults, ground truth); real targets have none. */
    AdminClient admin() {
        return new AdminClient(embedded.endpoints().admin().url());
    }

    EmbeddedTopology topology() {
        return embedded;
    }

    String baseUrl() {
        return baseUrl;
    }

    String keyHeader() {
        return keyHeader;
    }

    String key() {
        return key;
    }

    @Override
    public void close() {
        embedded.close();
    }
}
