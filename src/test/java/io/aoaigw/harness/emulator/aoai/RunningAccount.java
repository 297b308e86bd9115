package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Account;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An account emulator on an ephemeral port with its own Vert.x, plus a raw HTTP client for it. */
final class RunningAccount implements AutoCloseable {
    static final String API_VERSION = "2024-10-21";

    final Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(true));
    final AccountEmulator emulator;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningAccount(Account account, EmulatorSettings settings) {
        this.emulator = AccountEmulator.start(vertx, TestAccounts.topology(account), account,
                TestAccounts.validator(), settings).compose(e -> e.tokenizersLoaded().map(e)).await();
    }

    static RunningAccount start(Account account) {
        return new RunningAccount(account, EmulatorSettings.DEFAULTS);
    }

    static RunningAccount start(Account account, EmulatorSettings settings) {
        return new RunningAccount(account, settings);
    }

    String key() {
        return emulator.account().keys().get(0);
    }

    URI uri(String pathAndQuery) {
        return URI.create(emulator.endpoint() + pathAndQuery);
    }

    static String chatPath(String deployment) {
        return "/openai/deployments/" + deployment + "/chat/completions?api-version=" + API_VERSION;
    }

    static String embeddingsPath(String deployment) {
        return "/openai/deployments/" + deployment + "/embeddings?api-version=" + API_VERSION;
    }

    /** POSTs JSON with the given header name/value pairs (no credential unless given). */
    HttpResponse<String> post(String pathAndQuery, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> postWithKey(String pathAndQuery, String json) {
        return post(pathAndQuery, json, "api-key", key());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code data:} payloads of an SSE body, in order. */
    static List<String> events(String body) {
        List<String> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.startsWith("data: ")) {
                events.add(block.substring("data: ".length()));
            }
        }
        return events;
    }

    static String chatBody(String userMessage, String extraFields) {
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"" + userMessage + "\"}]" + extraFields + "}";
    }

    @Override
    public void close() {
        emulator.stop().await();
        vertx.close().await();
    }
}
