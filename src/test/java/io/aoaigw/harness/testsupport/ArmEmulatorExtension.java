package io.aoaigw.harness.testsupport;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.aoaigw.harness.emulator.admin.AdminApi;
import io.aoaigw.harness.emulator.admin.AdminRoutes;
import io.aoaigw.harness.emulator.admin.ArmAdmin;
import io.aoaigw.harness.emulator.admin.IdentityAdmin;
import io.aoaigw.harness.emulator.arm.ArmEmulator;
import io.aoaigw.harness.emulator.arm.ArmSettings;
import io.aoaigw.harness.emulator.arm.ArmView;
import io.aoaigw.harness.emulator.identity.IdentityEmulator;
import io.aoaigw.harness.emulator.identity.IdentitySettings;
import io.aoaigw.harness.emulator.identity.JwksAccessTokenValidator;
import io.aoaigw.harness.emulator.monitor.MetricSeries;
import io.aoaigw.harness.emulator.monitor.MetricsSource;
import io.aoaigw.harness.emulator.tls.EmulatorTls;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.GeneratedKeys;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import io.aoaigw.harness.trust.AzureHttpClients;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the identity emulator and the ARM emulator for the default topology (keys filled in) for one test class,
 * with page size 2 so every list of more than two items is paged. The other components are not started: the
 * {@link ArmView} names fake-but-loopback URLs for them, which ARM only reports. Harness tests see the two through
 * what a harness sees: the URLs ARM reports, and ARM's and the identity provider's admin routes ({@link #admin()});
 * the emulator objects themselves ({@link #arm()}, {@link #view()}, {@link #identity()}) are for emulator tests.
 * {@code @RegisterExtension static final ArmEmulatorExtension arm = new ArmEmulatorExtension();}
 */
public final class ArmEmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    public static final int PAGE_SIZE = 2;
    public static final String MANAGEMENT = "https://management.azure.com";

    private Vertx vertx;
    private EmulatorTls tls;
    private Topology topology;
    private IdentityEmulator identity;
    private JwksAccessTokenValidator validator;
    private ArmView view;
    private ArmEmulator arm;
    private AdminApi admin;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final UnaryOperator<String> edit;
    private final Function<Topology, MetricsSource> metrics;

    /** The default topology. */
    public ArmEmulatorExtension() {
        this(UnaryOperator.identity());
    }

    /** The default topology's YAML changed by {@code edit} (e.g. another role for the reader). */
    public ArmEmulatorExtension(UnaryOperator<String> edit) {
        this(edit, topology -> MetricsSource.NONE);
    }

    private ArmEmulatorExtension(UnaryOperator<String> edit, Function<Topology, MetricsSource> metrics) {
        this.edit = edit;
        this.metrics = metrics;
    }

    /**
     * As {@link #ArmEmulatorExtension(UnaryOperator)}, with a metric feed in place of the components that record
     * them: one value, now, of Front Door's {@code OriginHealthPercentage} (100, per Origin) and of each account's
     * {@code AzureOpenAIRequests} (1 per ModelDeploymentName), so that Azure Monitor's metrics answer with data.
     */
    public static ArmEmulatorExtension withRecordedMetrics(UnaryOperator<String> edit) {
        return new ArmEmulatorExtension(edit, ArmEmulatorExtension::recordedMetrics);
    }

    private static MetricsSource recordedMetrics(Topology topology) {
        MetricSeries health = new MetricSeries(Clock.systemUTC(), "Percent");
        topology.accounts().forEach(a -> health.record(Map.of("Origin", a.name(), "OriginGroup", "default"), 100.0));
        MetricsSource source = MetricsSource.of(topology.resourceGroupId() + "/providers/Microsoft.Cdn/profiles/"
                + topology.frontDoor().profile(), Map.of("OriginHealthPercentage", health));
        for (Account account : topology.accounts()) {
            MetricSeries requests = new MetricSeries(Clock.systemUTC(), "Count");
            account.deployments().forEach(d -> requests.record(Map.of("ModelDeploymentName", d.id(),
                    "StatusCode", "200", "StreamType", "Non Streaming"), 1.0));
            source = source.or(MetricsSource.of(topology.accountResourceId(account.name()),
                    Map.of("AzureOpenAIRequests", requests)));
        }
        return source;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        vertx = Vertx.vertx();
        tls = EmulatorTls.generate();
        Path file = IdentityEmulatorExtension.projectPath("scenarios/topologies/default.yaml");
        topology = GeneratedKeys.fillMissing(TopologyLoader.parse(file, edit.apply(Files.readString(file))));
        identity = Futures.await(IdentityEmulator.start(vertx, topology, tls, IdentitySettings.defaults()));
        validator = new JwksAccessTokenValidator(vertx, identity.jwksUri(), topology.tenantId(), tls.trust());
        view = fakeView(topology, metrics.apply(topology));
        arm = Futures.await(ArmEmulator.start(vertx, topology, tls, validator, view,
                ArmSettings.defaults().withPageSize(PAGE_SIZE)));
        AdminRoutes routes = new AdminRoutes();
        ArmAdmin.register(routes, arm);
        IdentityAdmin.register(routes, identity);
        admin = Futures.await(AdminApi.start(vertx, routes, 0));
    }

    /** Loopback URLs on ports nobody listens on: ARM reports them, nothing connects to them. */
    private static ArmView fakeView(Topology topology, MetricsSource metrics) {
        Map<String, String> accounts = new LinkedHashMap<>();
        int port = 19001;
        for (Account a : topology.accounts()) {
            accounts.put(a.name(), "https://127.0.0.1:" + port++);
        }
        return new ArmView("http://127.0.0.1:18080", "https://127.0.0.1:18443", accounts, metrics);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vertx != null) {
            Futures.await(validator.close());
            Futures.await(vertx.close());
        }
    }

    public Topology topology() {
        return topology;
    }

    public ArmView view() {
        return view;
    }

    public ArmEmulator arm() {
        return arm;
    }

    public IdentityEmulator identity() {
        return identity;
    }

    /** ARM's and the identity provider's admin routes ({@code /admin/arm/…}, {@code /admin/identity/…}). */
    public AdminClient admin() {
        return new AdminClient(admin.url());
    }

    public String authorityHost() {
        return identity.authorityHost();
    }

    /** The URLs ARM reports for the components that are not started. */
    public String apimGatewayUrl() {
        return view.apimGatewayUrl();
    }

    public String frontDoorEndpointUrl() {
        return view.frontDoorEndpointUrl();
    }

    public String accountEndpoint(String account) {
        return view.accountEndpoint(account);
    }

    public TrustMaterial trust() {
        return tls.trust();
    }

    public Identity reader() {
        return topology.identity("harness-reader").orElseThrow();
    }

    /** The harness-reader service principal's credential, loopback only. */
    public TokenCredential readerCredential() {
        return AzureCredentials.clientSecret(identity.authorityHost(), topology.tenantId(), reader().clientId(),
                reader().clientSecret(), tls.trust());
    }

    /** A bearer token of the reader for {@code resource} (e.g. {@link #MANAGEMENT}), fetched once per resource. */
    public String tokenFor(String resource) {
        return tokens.computeIfAbsent(resource, r -> readerCredential()
                .getTokenSync(new TokenRequestContext().addScopes(r + "/.default")).getToken());
    }

    public InventoryReader inventoryReader(TokenCredential credential) {
        return new InventoryReader(new ArmEndpoint(arm.endpoint(), identity.authorityHost(), topology.tenantId()),
                credential, AzureHttpClients.loopbackOnly(tls.trust()));
    }

    public InventoryTarget target() {
        return InventoryTarget.of(topology);
    }

    /** Raw HTTPS requests to ARM, trusting exactly the emulator's certificate. */
    public RequestSpecification spec() {
        return new RequestSpecBuilder()
                .setBaseUri("https://127.0.0.1:" + arm.port())
                .setConfig(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(tls.trust().keyStore())))
                .setUrlEncodingEnabled(false)
                .build();
    }
}
