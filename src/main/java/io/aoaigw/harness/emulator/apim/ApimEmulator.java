package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.emulator.apim.policy.PolicyDocument;
import io.aoaigw.harness.emulator.apim.policy.PolicyParser;
import io.aoaigw.harness.emulator.apim.policy.UnsupportedPolicyElement;
import io.aoaigw.harness.emulator.tls.ListenerTls;
import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimApi;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The API Management gateway of the topology on its own HTTP listener (127.0.0.1, {@code apim.port}, 0: ephemeral).
 * Requests go to the API whose URL suffix they fall under ({@link ApiRouter}); the other APIs ({@code apim.apis}, the
 * Echo API by default) share the gateway, its subscriptions and backend entities. The imported API lives at
 * {@link #apiUrl()} ({@code gatewayUrl + "/" + api.path}); its operations are those of the shipped
 * Azure OpenAI inference spec of {@code api.specVersion}, optionally limited to {@code api.operations}. The gateway
 * reaches Front Door, the accounts and the managed-identity endpoint only over HTTP, at the {@link ApimBackends}.
 * Its export is {@link #exportedOpenApi()} (ARM serves the same document through APIM's export API).
 */
public final class ApimEmulator {
    /** Connections to one backend host: enough for every stream a load test can open on one machine. */
    static final int BACKEND_CONNECTIONS = 10_000;
    /** How many request records {@link #recentRequests()} keeps. */
    public static final int RECENT_REQUESTS = 256;

    private final Apim apim;
    private final JsonNode spec;
    private final OperationCatalog catalog;
    private final List<PolicyDocument> policies;
    private final GatewayRecorder recorder;
    private final HttpClient backendClient;
    private final HttpClient identityClient;
    private final ListenerTls tls;
    private HttpServer server;

    private ApimEmulator(Apim apim, JsonNode spec, OperationCatalog catalog, List<PolicyDocument> policies,
                         GatewayRecorder recorder, HttpClient backendClient, HttpClient identityClient,
                         ListenerTls tls) {
        this.tls = tls;
        this.apim = apim;
        this.spec = spec;
        this.catalog = catalog;
        this.policies = List.copyOf(policies);
        this.recorder = recorder;
        this.backendClient = backendClient;
        this.identityClient = identityClient;
    }

    /** Fails when the topology's APIM cannot be served (no API, unknown spec version or operation, bad policy XML). */
    public static Future<ApimEmulator> start(Vertx vertx, Topology topology, ApimBackends backends) {
        return start(vertx, topology, backends, ListenerTls.PLAIN);
    }

    /** As {@link #start(Vertx, Topology, ApimBackends)}, the gateway listening with {@code tls}. */
    public static Future<ApimEmulator> start(Vertx vertx, Topology topology, ApimBackends backends, ListenerTls tls) {
        Apim apim = topology.apim();
        if (apim == null || apim.api() == null) {
            return Future.failedFuture(new IllegalArgumentException("the topology has no APIM API to serve"));
        }
        HttpClient identityClient = vertx.createHttpClient(backends.clientOptions());
        // one connection per in-flight stream, as APIM holds one per backend call (Vert.x's default pool is 5)
        HttpClient backendClient = vertx.createHttpClient(backends.clientOptions(),
                new PoolOptions().setHttp1MaxSize(BACKEND_CONNECTIONS));
        ApimEmulator emulator;
        ApiRouter handler;
        try {
            JsonNode spec = AzureOpenAiSpec.load(apim.api().specVersion());
            OperationCatalog catalog = OperationCatalog.from(spec, apim.api().operations());
            ManagedIdentityTokenSource tokens = apim.identity() == null || backends.managedIdentityEndpoint() == null
                    ? null : new ManagedIdentityTokenSource(identityClient, backends.managedIdentityEndpoint(),
                    backends.identityHeader(), System::currentTimeMillis);
            PolicyParser parser = new PolicyParser(tokens, System::currentTimeMillis);
            PolicyDocument policy = parser.parse(NamedValues.resolve(apim.api().policy(), topology));
            GatewayRecorder recorder = new GatewayRecorder(RECENT_REQUESTS, () -> tokens == null ? 0 : tokens.fetches());
            ServiceUrlResolver resolver = new ServiceUrlResolver(backends);
            BackendEntities entities = new BackendEntities(apim.backends(), System::nanoTime);
            List<GatewayHandler> apis = new ArrayList<>();
            List<PolicyDocument> policies = new ArrayList<>(List.of(policy));
            apis.add(new GatewayHandler(apim.api(), catalog, new SubscriptionGate(apim, apim.api()), policy,
                    resolver, new BackendForwarder(vertx, backendClient, ResponseHolding.of(apim, apim.api())), recorder,
                    entities));
            for (ApimApi other : apim.apis()) { // the instance's other APIs (the Echo API by default)
                PolicyDocument otherPolicy = parser.parse(NamedValues.resolve(other.policy(), topology));
                policies.add(otherPolicy);
                apis.add(new GatewayHandler(other, OperationCatalog.declared(other.operations()),
                        new SubscriptionGate(apim, other), otherPolicy, resolver,
                        new BackendForwarder(vertx, backendClient, ResponseHolding.of(apim, other)), recorder, entities));
            }
            emulator = new ApimEmulator(apim, spec, catalog, policies, recorder, backendClient, identityClient,
                    tls);
            handler = new ApiRouter(apis);
        } catch (RuntimeException e) {
            return Future.join(backendClient.close(), identityClient.close()).transform(x -> Future.failedFuture(e));
        }
        HttpServerOptions options = tls.server(new HttpServerOptions().setHost("127.0.0.1").setPort(apim.port()));
        return vertx.createHttpServer(options).requestHandler(handler).listen()
                .map(listening -> {
                    emulator.server = listening;
                    return emulator;
                })
                .recover(e -> emulator.stop().transform(x -> Future.failedFuture(e)));
    }

    /** e.g. {@code https://127.0.0.1:PORT} (http with plain listeners). */
    public String gatewayUrl() {
        return tls.url("127.0.0.1", server.actualPort());
    }

    /** The API's base URL: the gateway URL plus the API URL suffix. */
    public String apiUrl() {
        return apim.api().path().isEmpty() ? gatewayUrl() : gatewayUrl() + "/" + apim.api().path();
    }

    public Future<Void> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(() -> Future.join(backendClient.close(), identityClient.close())).mapEmpty();
    }

    public ApimStats stats() {
        return recorder.stats();
    }

    /** The most recent requests, oldest first, at most {@link #RECENT_REQUESTS}. */
    public List<ApimRequestRecord> recentRequests() {
        return recorder.recent();
    }

    /** Policy parts of every API kept but not executed (unknown elements, unsupported attributes, on-error). */
    public List<UnsupportedPolicyElement> unknownPolicyElements() {
        return policies.stream().flatMap(p -> p.unsupported().stream()).toList();
    }

    public List<ApiOperation> operations() {
        return catalog.operations();
    }

    /** The API's OpenAPI document as APIM exports it, with this gateway as its server. */
    public ObjectNode exportedOpenApi() {
        return OpenApiExporter.export(spec, apiUrl(), catalog.operations(), apim.api());
    }
}
