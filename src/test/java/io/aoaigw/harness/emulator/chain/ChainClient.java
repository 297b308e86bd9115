package io.aoaigw.harness.emulator.chain;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.Regions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain HTTPS client of the embedded gateway, as a user's script would be: sends chat requests with the subscription
 * key the API expects and, for streams, notes when the first content frame and the end arrived.
 */
final class ChainClient {
    static final String CHAT_PATH = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

    private final HttpClient http;
    private final EmbeddedTopology embedded;

    ChainClient(EmbeddedTopology embedded) {
        this.embedded = embedded;
        this.http = TrustedClients.jdk(embedded.trust());
    }

    record Answer(int status, HttpHeaders headers, String body) {
        String region() {
            // Azure answers with the display name ("West Europe"); the topology names regions "westeurope"
            return Regions.key(headers.firstValue("x-ms-region").orElse(null));
        }

        String requestId() {
            return headers.firstValue("x-request-id").orElse(null);
        }
    }

    /** A streamed answer: nanoTime of sending, of the first non-empty content frame, and of the end of the body. */
    record Stream(int status, HttpHeaders headers, long sentNanos, long firstContentNanos, long endNanos,
                  List<String> frames) {
        double firstTokenShareOfTotal() {
            return (double) (firstContentNanos - sentNanos) / (endNanos - sentNanos);
        }
    }

    String key(String subscription) {
        return embedded.endpoints().apim().subscriptions().stream().filter(s -> s.name().equals(subscription))
                .map(Endpoints.Subscription::primaryKey).findFirst().orElseThrow();
    }

    String keyHeader() {
        return embedded.topology().apim().api().subscriptionKey().header();
    }

    Answer chat(String keyHeader, String key, String pathAndQuery, int maxTokens) {
        HttpRequest.Builder request = post(pathAndQuery, body(maxTokens, false));
        if (keyHeader != null) {
            request.header(keyHeader, key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer chat(String subscription, int maxTokens) {
        return chat(keyHeader(), key(subscription), CHAT_PATH, maxTokens);
    }

    Stream stream(String subscription, int maxTokens) {
        HttpRequest request = post(CHAT_PATH, body(maxTokens, true)).header(keyHeader(), key(subscription)).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long firstContent = 0;
            List<String> frames = new java.util.ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data: ")) {
                        frames.add(line);
                        if (firstContent == 0 && line.matches(".*\"content\":\"[^\"].*")) {
                            firstContent = System.nanoTime();
                        }
                    }
                }
            }
            return new Stream(response.statusCode(), response.headers(), sent, firstContent, System.nanoTime(),
                    frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder post(String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create(embedded.endpoints().apim().gatewayUrl() + pathAndQuery))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String body(int maxTokens, boolean stream) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Through the gateway, please.\"}],\"max_tokens\":"
                + maxTokens + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }
}
