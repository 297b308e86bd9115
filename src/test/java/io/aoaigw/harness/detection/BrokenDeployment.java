package io.aoaigw.harness.detection;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.host.EpochMicros;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.emulator.frontdoor.FrontDoorEmulator;
import io.aoaigw.harness.emulator.tls.AzureHttpClients;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.Inventory;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.testsupport.AzureCredentials;
import io.aoaigw.harness.topology.Identity;
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
import java.util.List;
import java.util.Map;

/**
 * A started broken topology and the two faces the tests look at: its ARM view (read with azure-resourcemanager, as
 * the harness reads it) and its behaviour (plain HTTP through the gateway, as a client calls it; the accounts'
 * ground truth and Front Door's state as the emulator records them).
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

    final EmbeddedTopology embedded;
    private final HttpClient http = HttpClient.newHttpClient();
    private Inventory inventory;

    BrokenDeployment(EmbeddedTopology embedded) {
        this.embedded = embedded;
    }

    Topology topology() {
        return embedded.topology();
    }

    /** The inventory as the harness reads it from ARM (read once). */
    synchronized Inventory inventory() {
        if (inventory == null) {
            Topology t = topology();
            Identity reader = t.identities().stream().filter(i -> i.kind() == Identity.Kind.servicePrincipal)
                    .findFirst().orElseThrow();
            TrustMaterial trust = TrustMaterial.load(embedded.endpoints().tls());
            inventory = new InventoryReader(
                    new ArmEndpoint(embedded.arm().endpoint(), embedded.identity().authorityHost(), t.tenantId()),
                    AzureCredentials.clientSecret(embedded.identity().authorityHost(), t.tenantId(), reader.clientId(),
                            reader.clientSecret(), trust),
                    AzureHttpClients.loopbackOnly(trust)).read(InventoryTarget.of(t));
        }
        return inventory;
    }

    String accountResourceId(String account) {
        return topology().accountResourceId(account);
    }

    String apimPrincipal() {
        return topology().identity("apim-contoso").orElseThrow().objectId();
    }

    FrontDoorEmulator frontDoor() {
        return embedded.frontDoor().orElseThrow();
    }

    /** Leaves only this account's origin enabled, so the next requests reach it. */
    void routeOnlyTo(String account) {
        topology().frontDoor().origins().forEach(o -> frontDoor().setOriginEnabled(o.name(), o.account().equals(account)));
    }

    String subscriptionKey() {
        return embedded.endpoints().apim().subscriptions().stream().filter(s -> s.name().equals("smoke"))
                .map(Endpoints.Subscription::primaryKey).findFirst().orElseThrow();
    }

    /** A chat through the gateway with the smoke subscription's key in the API's key header. */
    Answer chat() {
        return post(CHAT, chatBody(5, false), Map.of(topology().apim().api().subscriptionKey().header(),
                subscriptionKey()));
    }

    /** A request through the gateway with exactly these headers (e.g. none: no key). */
    Answer post(String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(embedded.endpoints().apim().gatewayUrl()
                + pathAndQuery)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build(), false);
    }

    /** A streamed chat through the gateway, noting when its first content frame arrived. */
    Answer stream(int maxTokens) {
        return send(HttpRequest.newBuilder(URI.create(embedded.endpoints().apim().gatewayUrl() + CHAT))
                .header("content-type", "application/json")
                .header(topology().apim().api().subscriptionKey().header(), subscriptionKey())
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(maxTokens, true))).build(), true);
    }

    /** A plain GET of an account's endpoint plus {@code path}, as Front Door's probe sends it. */
    int probe(String account, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(embedded.account(account).endpoint() + path))
                .header("X-FD-HealthProbe", "1").GET().build();
        return send(request, false).status();
    }

    /** The account's ground truth of its latest request. */
    RequestRecord lastRequestAt(String account) {
        List<RequestRecord> recent = embedded.account(account).groundTruth().recent(1);
        if (recent.isEmpty()) {
            throw new AssertionError("no request reached " + account);
        }
        return recent.get(0);
    }

    long requestsReachingAccounts() {
        return topology().accounts().stream().mapToLong(a -> embedded.account(a.name()).groundTruth().total()).sum();
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
