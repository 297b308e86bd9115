package io.aoaigw.harness.load;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.TargetFile;
import io.aoaigw.harness.target.TargetKeys;
import io.aoaigw.harness.target.TargetLoader;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.yaml.YamlFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a simulation sends its load: the APIM gateway of an emulated topology when it has one, else its first
 * account. By default the topology is started in-process, so {@code ./mvnw gatling:test} needs nothing running; with
 * {@code -Dharness.endpoints=FILE} the load goes to a topology already running beside (the endpoints JSON that
 * {@code java -jar target/aoai-gateway-harness.jar emulate} writes), which must run the profile's topology; with
 * {@code -Dharness.target=FILE} to a real deployment's gateway (keys from the environment or
 * {@code -Dharness.secrets=FILE}), which has no admin API: no faults, no ground truth, no expected shares.
 */
final class LoadTarget implements AutoCloseable {
    private final EmbeddedTopology embedded;
    private final Endpoints endpoints;
    private final TargetFile real;
    private final String baseUrl;
    private final String keyHeader;
    private final String key;

    private LoadTarget(TargetFile real, String key) {
        this.embedded = null;
        this.endpoints = null;
        this.real = real;
        this.baseUrl = real.apim().gateway();
        this.keyHeader = real.apim().keyHeader();
        this.key = key;
    }

    private LoadTarget(EmbeddedTopology embedded, Endpoints e, Topology topology) {
        this.embedded = embedded;
        this.endpoints = e;
        this.real = null;
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

    /** A real deployment ({@code -Dharness.target}), a topology running beside, else this one started in-process. */
    static LoadTarget of(Topology topology) {
        String target = System.getProperty("harness.target");
        if (target != null && !target.isBlank() && !target.startsWith("${")) {
            return real(Path.of(target));
        }
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

    private static LoadTarget real(Path file) {
        try {
            TargetFile t = TargetLoader.load(file);
            String secrets = System.getProperty("harness.secrets");
            String key = TargetKeys.resolve(t, TargetKeys.environment(secrets == null || secrets.isBlank() ? null
                    : Path.of(secrets))).get("active");
            System.out.println("load target: " + t.name() + " at " + t.apim().gateway() + " (" + file + ")");
            return new LoadTarget(t, key);
        } catch (YamlFileException | TargetKeys.TargetKeyException e) {
            return BadInput.exit("-Dharness.target=" + file + ": " + e.getMessage());
        }
    }

    /** The real deployment's file, if the load goes to one; its limits bound the run too. */
    Optional<TargetFile> real() {
        return Optional.ofNullable(real);
    }

    /** Whether the target has an admin API (faults, ground truth): emulated ones do, real deployments do not. */
    boolean hasAdmin() {
        return endpoints != null && endpoints.admin() != null;
    }

    /** The admin API of the emulated topology; keys stay in memory, never logged. */
    AdminClient admin() {
        return new AdminClient(endpoints.admin().url());
    }

    List<String> accountNames() {
        return real != null ? real.accounts() : endpoints.accounts().stream().map(Endpoints.Account::name).toList();
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
