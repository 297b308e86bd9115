package io.aoaigw.harness.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.host.EpochMicros;
import io.aoaigw.harness.inventory.DiagnosticInfo;
import io.aoaigw.harness.inventory.Inventory;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.TargetArm;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A started broken topology and the two faces the tests look at: its ARM view (read with azure-resourcemanager, as
 * the harness reads it) and its behaviour (plain HTTP through the gateway, as a client calls it; the accounts'
 * ground truth and Front Door's state as the emulator's admin API shows them). Like every harness class it sees the
 * running emulator only through its endpoints file and admin API; the topology object is only started and closed.
 */
final class BrokenDeployment implements AutoCloseable {
    static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    static final String EMBEDDINGS = "/openai/deployments/text-embedding-3-small/embeddings?api-version=2024-10-21";
    private static final String CHAT_BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"Is it broken?\"}],"
            + "\"max_tokens\":%d%s}";

    /** An answer; {@code firstContentEpochMicros} is when the first content frame of a stream arrived (0: none). */
    record Answer(int status, Map<String, List<String>> headers, String body, long firstContentEpochMicros) {
        String header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        }
    }

    private final EmbeddedTopology embedded;
    private final Topology topology;
    private final Endpoints endpoints;
    private final AdminClient admin;
    private final HttpClient http;
    private Inventory inventory;

    BrokenDeployment(EmbeddedTopology embedded) {
        this.embedded = embedded;
        this.topology = embedded.topology();
        this.endpoints = embedded.endpoints();
        this.admin = new AdminClient(endpoints.admin().url());
        this.http = TrustedClients.jdk(embedded.trust());
    }

    Topology topology() {
        return topology;
    }

    /** The inventory as the harness reads it from ARM (read once). */
    synchronized Inventory inventory() {
        if (inventory == null) {
            inventory = reader().read(InventoryTarget.of(topology()));
        }
        return inventory;
    }

    /** APIM's diagnostics as the harness reads them from ARM. */
    List<DiagnosticInfo> diagnostics() {
        return reader().readDiagnostics(InventoryTarget.of(topology()));
    }

    private InventoryReader reader() {
        return TargetArm.embedded(endpoints, "the broken deployment's endpoints", UnaryOperator.identity()).reader();
    }

    String accountResourceId(String account) {
        return topology().accountResourceId(account);
    }

    String apimPrincipal() {
        return topology().identity("apim-contoso").orElseThrow().objectId();
    }

    /** The account's endpoint as the endpoints file names it. */
    String accountEndpoint(String account) {
        return endpoints.accounts().stream().filter(a -> a.name().equals(account)).map(Endpoints.Account::endpoint)
                .findFirst().orElseThrow(() -> new AssertionError("no account " + account + " in the endpoints"));
    }

    int accountPort(String account) {
        return URI.create(accountEndpoint(account)).getPort();
    }

    String frontDoorEndpointUrl() {
        return endpoints.frontDoor().endpointUrl();
    }

    /** Front Door's origins with their counters, health and share ({@code GET /admin/frontdoor}). */
    List<JsonNode> frontDoorOrigins() {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/admin/frontdoor").path("origins").forEach(out::add);
        return out;
    }

    JsonNode originStats(String origin) {
        return admin.get("/admin/frontdoor/origins/" + origin);
    }

    void setProbeInterval(Duration interval) {
        admin.put("/admin/frontdoor/probe-interval", interval.toMillis());
    }

    /** Leaves only this account's origin enabled, so the next requests reach it. */
    void routeOnlyTo(String account) {
        topology().frontDoor().origins().forEach(o -> setOriginEnabled(o.name(), o.account().equals(account)));
    }

    /** Every origin back on (the proofs may steer Front Door). */
    void enableEveryOrigin() {
        topology().frontDoor().origins().forEach(o -> setOriginEnabled(o.name(), true));
    }

    private void setOriginEnabled(String origin, boolean enabled) {
        admin.put("/admin/frontdoor/origins/" + origin + "/enabled", enabled);
    }

    /** The audiences of the tokens the identity provider issued to this identity ({@code GET /admin/identity/tokens}). */
    List<String> tokenAudiencesOf(String identity) {
        List<String> out = new ArrayList<>();
        admin.get("/admin/identity/tokens").forEach(t -> {
            if (identity.equals(t.path("identity").asText())) {
                out.add(t.path("audience").asText());
            }
        });
        return out;
    }

    String subscriptionKey() {
        return endpoints.apim().subscriptions().stream().filter(s -> s.name().equals("smoke"))
                .map(Endpoints.Subscription::primaryKey).findFirst().orElseThrow();
    }

    /** A chat through the gateway with the smoke subscription's key in the API's key header. */
    Answer chat() {
        return post(CHAT, chatBody(5, false), Map.of(topology().apim().api().subscriptionKey().header(),
                subscriptionKey()));
    }

    /** A request through the gateway with exactly these headers (e.g. none: no key). */
    Answer post(String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.apim().gatewayUrl()
                + pathAndQuery)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build(), false);
    }

    /** A streamed chat through the gateway, noting when its first content frame arrived. */
    Answer stream(int maxTokens) {
        return send(HttpRequest.newBuilder(URI.create(endpoints.apim().gatewayUrl() + CHAT))
                .header("content-type", "application/json")
                .header(topology().apim().api().subscriptionKey().header(), subscriptionKey())
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(maxTokens, true))).build(), true);
    }

    /** A plain GET of an account's endpoint plus {@code path}, as Front Door's probe sends it. */
    int probe(String account, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(accountEndpoint(account) + path))
                .header("X-FD-HealthProbe", "1").GET().build();
        return send(request, false).status();
    }

    /** The account's ground truth of its latest request. */
    SeenRequest lastRequestAt(String account) {
        JsonNode recent = admin.get("/admin/accounts/" + account + "/requests?limit=1");
        if (recent.isEmpty()) {
            throw new AssertionError("no request reached " + account);
        }
        return new SeenRequest(recent.get(recent.size() - 1));
    }

    /** Requests every account recorded, dropped ones included ({@code GET /admin/accounts/{name}/ground-truth}). */
    long requestsReachingAccounts() {
        return topology().accounts().stream()
                .mapToLong(a -> admin.get("/admin/accounts/" + a.name() + "/ground-truth").path("total").asLong())
                .sum();
    }

    static String chatBody(int maxTokens, boolean stream) {
        return CHAT_BODY.formatted(maxTokens, stream ? ",\"stream\":true" : "");
    }

    private Answer send(HttpRequest request, boolean stream) {
        try {
            if (!stream) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.headers().map(), r.body(), 0);
            }
            HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long firstContent = 0;
            StringBuilder body = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (firstContent == 0 && line.matches("data: .*\"content\":\"[^\"].*")) {
                        firstContent = EpochMicros.now();
                    }
                    body.append(line).append('\n');
                }
            }
            return new Answer(r.statusCode(), r.headers().map(), body.toString(), firstContent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        embedded.close();
    }
}
