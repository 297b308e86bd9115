package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.Regions;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ResponseLayer} against what the embedded chain (APIM → Front Door → accounts) really answers: one test per
 * layer, each making that layer refuse through its policies, faults or state, set over the admin API.
 */
class ResponseLayerTest {
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private static final String POLICY_ANCHOR = "<authentication-managed-identity";
    @Test
    void apimsRateLimitByKeyAndSubscriptionCheckAreApims(@TempDir Path dir) throws Exception {
        try (EmbeddedTopology t = start(dir, "<rate-limit-by-key calls=\"1\" renewal-period=\"60\""
                + " counter-key=\"@(context.Subscription.Id)\" />")) {
            Attribution ok = classify(send(t, "load"));
            assertThat(ok.layer()).isEqualTo(Layer.ACCOUNT);
            assertThat(ok.region()).isNotBlank();

            HttpResponse<String> refused = send(t, "load");
            assertThat(refused.statusCode()).isEqualTo(429);
            Attribution a = classify(refused);
            assertThat(a.layer()).isEqualTo(Layer.APIM);
            assertThat(a.cause()).isEqualTo("rate-limit-by-key");
            assertThat(a.region()).isNull();
            assertThat(a.retryAfterMs().orElseThrow()).as("APIM advises whole seconds").isPositive()
                    .isEqualTo(1000L * Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()));

            HttpResponse<String> keyless = send(t, null);
            assertThat(keyless.statusCode()).isEqualTo(401);
            assertThat(classify(keyless)).extracting(Attribution::layer, Attribution::cause)
                    .containsExactly(Layer.APIM, "subscription-key");
        }
    }

    @Test
    void apimsTokenLimitIsApims(@TempDir Path dir) throws Exception {
        try (EmbeddedTopology t = start(dir, "<azure-openai-token-limit counter-key=\"@(context.Subscription.Id)\""
                + " tokens-per-minute=\"1\" estimate-prompt-tokens=\"true\" />")) {
            HttpResponse<String> refused = send(t, "load");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(classify(refused)).extracting(Attribution::layer, Attribution::cause)
                    .containsExactly(Layer.APIM, "azure-openai-token-limit");
        }
    }

    @Test
    void anAccountsThrottlesAndErrorsAreTheAccountsWithRegionLimitAndAdvice(@TempDir Path dir) throws Exception {
        try (EmbeddedTopology t = start(dir, null)) {
            AdminClient admin = new AdminClient(t.endpoints().admin().url());
            t.endpoints().accounts().forEach(acc -> admin.put("/admin/accounts/" + acc.name() + "/faults",
                    Map.of("throttleCount", 1, "throttleRetryAfterMs", 1234)));
            HttpResponse<String> throttled = send(t, "load");
            assertThat(throttled.statusCode()).isEqualTo(429);
            Attribution a = classify(throttled);
            assertThat(a.layer()).isEqualTo(Layer.ACCOUNT);
            assertThat(a.cause()).as("an injected throttle is sent as the token limit's").isEqualTo("tokenRate");
            assertThat(a.retryAfterMs()).hasValue(1234);
            assertThat(t.topology().accounts()).anyMatch(acc -> acc.region().equals(Regions.key(a.region())));

            t.endpoints().accounts().forEach(acc -> admin.put("/admin/accounts/" + acc.name() + "/faults",
                    Map.of("errorStatus", 500, "errorCount", 5)));
            HttpResponse<String> failed = send(t, "load");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(classify(failed)).extracting(Attribution::layer, Attribution::cause)
                    .containsExactly(Layer.ACCOUNT, "InternalServerError");
        }
    }

    @Test
    void anAccountsRequestRateLimitIsNamed(@TempDir Path dir) throws Exception {
        try (EmbeddedTopology t = startWithRpm6(dir)) {
            AdminClient admin = new AdminClient(t.endpoints().admin().url());
            String only = t.topology().accounts().get(0).name();
            // one origin left, whose deployment admits one request per 10 s window (rpm 6)
            t.endpoints().accounts().stream().map(Endpoints.Account::name).filter(n -> !n.equals(only))
                    .forEach(n -> admin.put("/admin/frontdoor/origins/" + n + "/enabled", false));
            HttpResponse<String> last = null;
            for (int i = 0; i < 8 && (last == null || last.statusCode() != 429); i++) {
                last = send(t, "load");
            }
            assertThat(last.statusCode()).isEqualTo(429);
            Attribution a = classify(last);
            assertThat(a.layer()).isEqualTo(Layer.ACCOUNT);
            assertThat(Regions.key(a.region())).isEqualTo(t.topology().accounts().get(0).region());
            assertThat(a.cause()).as("5 tokens asked of 16,666 a window: the request count binds")
                    .isEqualTo("requestRate");
        }
    }

    @Test
    void frontDoorsOwnErrorPageIsFrontDoors(@TempDir Path dir) throws Exception {
        try (EmbeddedTopology t = start(dir, null)) {
            AdminClient admin = new AdminClient(t.endpoints().admin().url());
            t.endpoints().accounts().forEach(acc -> admin.put("/admin/frontdoor/origins/" + acc.name() + "/enabled",
                    false));
            HttpResponse<String> page = send(t, "load");
            assertThat(page.statusCode()).isEqualTo(503);
            Attribution a = classify(page);
            assertThat(a.layer()).isEqualTo(Layer.FRONT_DOOR);
            assertThat(a.cause()).isEqualTo("UnspecifiedError");
            assertThat(a.region()).isNull();
            assertThat(admin.get("/admin/frontdoor").path("errors").path("UnspecifiedError").asLong()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerWithNoLayersFingerprintIsUnknown() {
        Attribution a = ResponseLayer.of(502, name -> null, "<html>bad gateway</html>");
        assertThat(a.layer()).isEqualTo(Layer.UNKNOWN);
        assertThat(a.cause()).isEqualTo("502");
    }

    private static Attribution classify(HttpResponse<String> r) {
        String body = r.body().length() > ResponseLayer.BODY_PREFIX ? r.body().substring(0, ResponseLayer.BODY_PREFIX)
                : r.body();
        return ResponseLayer.of(r.statusCode(), name -> r.headers().firstValue(name).orElse(null), body);
    }

    private HttpResponse<String> send(EmbeddedTopology t, String subscription) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.endpoints().apim().gatewayUrl() + CHAT))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"Which"
                        + " layer?\"}],\"max_tokens\":5}"));
        if (subscription != null) {
            String key = t.endpoints().apim().subscriptions().stream().filter(s -> s.name().equals(subscription))
                    .map(Endpoints.Subscription::primaryKey).findFirst().orElseThrow();
            b.header(t.topology().apim().api().subscriptionKey().header(), key);
        }
        return TrustedClients.jdk(t.trust()).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The default topology, with {@code policy} (when given) first in the API's inbound section. */
    private static EmbeddedTopology start(Path dir, String policy) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        assertThat(yaml).contains(POLICY_ANCHOR);
        if (policy != null) {
            yaml = yaml.replace(POLICY_ANCHOR, policy + "\n          " + POLICY_ANCHOR);
        }
        return EmbeddedTopology.start(TopologyLoader.parse(dir.resolve("layers.yaml"), yaml),
                Files.createDirectories(dir.resolve("work")));
    }

    /** The default topology whose gpt-4o deployments admit 6 requests a minute (one per 10 s window). */
    private static EmbeddedTopology startWithRpm6(Path dir) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        String deployment = "kind: chat, tpm: 100000, completion";
        assertThat(yaml).contains(deployment);
        yaml = yaml.replace(deployment, "kind: chat, tpm: 100000, rpm: 6, completion");
        return EmbeddedTopology.start(TopologyLoader.parse(dir.resolve("layers.yaml"), yaml),
                Files.createDirectories(dir.resolve("work")));
    }
}
