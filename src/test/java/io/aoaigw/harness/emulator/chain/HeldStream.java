package io.aoaigw.harness.emulator.chain;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.host.EpochMicros;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.testsupport.TrustedClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One streamed chat through the gateway as the client saw it, with the serving account's ground truth: the epoch
 * microsecond the first content frame arrived, the frames read, whether the stream ended with [DONE] or broke off.
 */
record HeldStream(int status, long firstContentEpochMicros, List<String> frames, boolean broken,
                  RequestRecord served) {

    boolean complete() {
        return !broken && !frames.isEmpty() && frames.get(frames.size() - 1).equals("data: [DONE]");
    }

    /** The first token reached the client only after the account had written its last one: held whole. */
    boolean heldWhole() {
        long[] written = served.contentFrameEpochMicros();
        return firstContentEpochMicros >= written[written.length - 1];
    }

    /** Records searched per account: the stream's and what came just before and after it (probes, the warm-up). */
    private static final int RECENT = 100;

    static HeldStream of(EmbeddedTopology t, String subscription, int maxTokens) {
        ChainClient chain = new ChainClient(t);
        String clientRequestId = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(t.endpoints().apim().gatewayUrl()
                        + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
                .header("content-type", "application/json").header(chain.keyHeader(), chain.key(subscription))
                .header("x-ms-client-request-id", clientRequestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"Hold "
                        + "or pass?\"}],\"max_tokens\":" + maxTokens + ",\"stream\":true}")).build();
        int status = -1;
        long first = 0;
        List<String> frames = new ArrayList<>();
        boolean broken = false;
        try {
            HttpResponse<java.io.InputStream> r = TrustedClients.jdk(t.trust()).send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            status = r.statusCode();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (first == 0 && line.matches("data: .*\"content\":\"[^\"].*")) {
                        first = EpochMicros.now();
                    }
                    if (line.startsWith("data: ")) {
                        frames.add(line);
                    }
                }
            }
        } catch (IOException e) {
            broken = true; // the gateway dropped the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // an account records a stream when it ends, which for a cut one is just after the client saw the cut; found
        // by its correlation id, not as the latest record: a health probe may end after it
        Await.until("an account recorded the stream", Duration.ofSeconds(10),
                () -> served(t, clientRequestId).isPresent());
        return new HeldStream(status, first, frames, broken, served(t, clientRequestId).orElseThrow());
    }

    private static Optional<RequestRecord> served(EmbeddedTopology t, String clientRequestId) {
        return t.topology().accounts().stream()
                .flatMap(a -> t.account(a.name()).groundTruth().recent(RECENT).stream())
                .filter(r -> clientRequestId.equals(r.clientRequestId()))
                .findFirst();
    }
}
