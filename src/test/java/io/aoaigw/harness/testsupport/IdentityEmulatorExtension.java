package io.aoaigw.harness.testsupport;

import io.aoaigw.harness.emulator.identity.IdentityEmulator;
import io.aoaigw.harness.emulator.identity.IdentitySettings;
import io.aoaigw.harness.emulator.identity.JwksAccessTokenValidator;
import io.aoaigw.harness.emulator.tls.EmulatorTls;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an {@link IdentityEmulator} for the default topology on an ephemeral port for one test class:
 * {@code @RegisterExtension static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();}
 */
public final class IdentityEmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String COGNITIVE_SERVICES = "https://cognitiveservices.azure.com";
    public static final String MANAGEMENT = "https://management.azure.com";

    private Vertx vertx;
    private EmulatorTls tls;
    private Topology topology;
    private IdentityEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        vertx = Vertx.vertx();
        tls = EmulatorTls.generate();
        topology = TopologyLoader.load(projectPath("scenarios/topologies/default.yaml"));
        emulator = Futures.await(IdentityEmulator.start(vertx, topology, tls, IdentitySettings.defaults()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vertx != null) {
            Futures.await(vertx.close());
        }
    }

    public static Path projectPath(String relative) {
        return Path.of(System.getProperty("harness.projectDir", ".")).resolve(relative);
    }

    public Vertx vertx() {
        return vertx;
    }

    public EmulatorTls tls() {
        return tls;
    }

    public Topology topology() {
        return topology;
    }

    public IdentityEmulator emulator() {
        return emulator;
    }

    /** The harness's reader: the topology's service principal. */
    public Identity servicePrincipal() {
        return topology.identity("harness-reader").orElseThrow();
    }

    /** APIM's system-assigned managed identity. */
    public Identity apimIdentity() {
        return topology.identity(topology.apim().identity()).orElseThrow();
    }

    /** A validator as a resource of this tenant would run it; close it after use. */
    public JwksAccessTokenValidator validator(Clock clock) {
        return new JwksAccessTokenValidator(vertx, emulator.jwksUri(), emulator.tenantId(), tls.trust(), clock);
    }

    /** Raw HTTPS requests to the emulator, trusting exactly its certificate (hostname checks stay on). */
    public RequestSpecification spec() {
        return new RequestSpecBuilder()
                .setBaseUri(emulator.authorityHost())
                .setConfig(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(tls.trust().keyStore())))
                .build();
    }
}
