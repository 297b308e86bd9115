package io.aoaigw.harness.load;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a simulation sends its load: the APIM gateway of an emulated topology when it has one, else its first
 * account. By default the topology is started in-process, so {@code ./mvnw gatling:test} needs nothing running; with
 * {@code -Dharness.endpoints=FILE} the load goes to a topology already running beside (the endpoints JSON that
 * {@code java -jar target/aoai-gateway-harness.jar emulate} writes), which must run the profile's topology.
 */
final class LoadTarget implements AutoCloseable {
    private final EmbeddedTopology embedded;
    private final Endpoints endpoints;
    private final String baseUrl;
    private final String keyHeader;
    private final String key;

    private LoadTarget(EmbeddedTopology embedded, Endpoints e, Topology topology) {
        this.embedded = embedded;
        this.endpoints = e;
        if (e.apim() != null) {
            baseUrl = e.apim().gatewayUrl().replaceFirst("/openai/?$", "");
            keyHeader = topology.apim().api().subscriptionKey().header();
            key = e.apim().subscriptions().stream().filter(s -> "active".equals(s.state())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the topology has no active subscription"))
                    .primaryKey();
        } else {
            baseUrl = e.accounts().get(0).endpoint();
            keyHeader = "api-key";
            key = e.accounts().get(0).apiKey();
        }
    }

    /** The topology running beside ({@code -Dharness.endpoints}), else this one started in-process. */
    static LoadTarget of(Topology topology) {
        String file = System.getProperty("harness.endpoints");
        if (file != null) {
            try {
                return new LoadTarget(null, EndpointsFile.read(Path.of(file)), topology);
            } catch (IOException e) {
                return BadInput.exit("-Dharness.endpoints=" + file + ": cannot read the endpoints JSON ("
                        + e.getMessage() + ")");
            }
        }
        try {
            Path dir = Files.createDirectories(Path.of("target/gatling-emulator"));
            EmbeddedTopology started = EmbeddedTopology.start(topology, dir);
            return new LoadTarget(started, started.endpoints(), topology);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded topology: " + e.getMessage(), e);
        }
    }

    /** Whether the target has an admin API (faults, ground truth): emulated ones do, real deployments do not. */
    boolean hasAdmin() {
        return endpoints.admin() != null;
    }

    /** The admin API of the emulated topology; keys stay in memory, never logged. */
    AdminClient admin() {
        return new AdminClient(endpoints.admin().url());
    }

    List<String> accountNames() {
        return endpoints.accounts().stream().map(Endpoints.Account::name).toList();
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

    /** Stops the topology if this run started it; one running beside is left running. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
