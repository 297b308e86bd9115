package io.aoaigw.harness.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.host.LoopbackGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The harness's only window into the embedded topology: its admin API over loopback HTTP (counters, ground truth,
 * faults). A real deployment has no such API, so whatever uses this must have a real-target alternative.
 */
public final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public AdminClient(String adminUrl) {
        this.base = LoopbackGuard.requireLoopbackOr(URI.create(adminUrl),
                "the admin API is served on loopback only, not " + adminUrl);
    }

    /** The URI a route is served at (for the run's call log). */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public JsonNode put(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("content-type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new AdminException("cannot serialise the body for " + path + ": " + e.getMessage());
        }
    }

    public JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AdminException(built.method() + " " + built.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AdminException("admin API at " + base + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted while calling the admin API");
        }
    }

    /** An admin call that failed; the message names the route and the answer. */
    public static final class AdminException extends RuntimeException {
        public AdminException(String message) {
            super(message, null, false, false);
        }
    }
}
