package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.contract.ContractFailure;
import io.aoaigw.harness.target.ResolvedTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One streamed chat through the gateway with the JDK client, as a plain script would send it: the SSE lines as they
 * arrive, and when the first content frame and the end came (RestAssured reads bodies whole, so it cannot tell a
 * buffered stream from a live one).
 */
public final class RawStream {
    private final ResolvedTarget target;
    private final HttpClient http;

    RawStream(ResolvedTarget target) {
        this.target = target;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        target.trust().ifPresent(t -> builder.sslContext(t.sslContext()));
        this.http = builder.build();
    }

    /**
     * The answer: status, headers, the {@code data:} lines in order (an error answer's body lines), and nanoTimes of
     * send, first and last content frame, end.
     */
    public record Result(int status, HttpHeaders headers, List<String> frames, long sentNanos, long firstContentNanos,
                         long lastContentNanos, long endNanos) {
        /** Time to the first content frame as a share of the whole answer: ~1 when the gateway buffered it. */
        public double firstContentShare() {
            return firstContentNanos == 0 ? 1.0 : (double) (firstContentNanos - sentNanos) / (endNanos - sentNanos);
        }

        /** Milliseconds between the first and the last content frame: ~0 when they came in one piece. */
        public double contentSpreadMs() {
            return firstContentNanos == 0 ? 0 : (lastContentNanos - firstContentNanos) / 1e6;
        }

        public String contentType() {
            return headers.firstValue("content-type").orElse("");
        }
    }

    Result send(String path, String body) {
        URI uri = URI.create(target.gatewayUrl() + path + "?api-version=" + Gateway.API_VERSION);
        target.budget().charge();
        target.calls().record("POST", uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .header(target.keys().header(), target.keys().active())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long firstContent = 0;
            long lastContent = 0;
            List<String> frames = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (response.statusCode() != 200) {
                        frames.add(line); // an error answer: its body, line by line, for the message
                    } else if (line.startsWith("data:")) {
                        frames.add(line);
                        if (line.matches(".*\"content\":\"[^\"].*")) {
                            lastContent = System.nanoTime();
                            firstContent = firstContent == 0 ? lastContent : firstContent;
                        }
                    }
                }
            }
            return new Result(response.statusCode(), response.headers(), frames, sent, firstContent, lastContent,
                    System.nanoTime());
        } catch (IOException e) {
            throw new ContractFailure("streamed chat to " + uri.getHost() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContractFailure("interrupted while reading the stream");
        }
    }
}
