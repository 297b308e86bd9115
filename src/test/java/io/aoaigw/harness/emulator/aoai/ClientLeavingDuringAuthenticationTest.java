package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.identity.ValidatedToken;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.topology.Account;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves while the account is still validating its token (a JWKS fetch, the first time) is one client
 * disconnect at once, and no answer is started when the validation completes. The validation is held by the test,
 * so the client leaves exactly inside that window.
 */
class ClientLeavingDuringAuthenticationTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void aClientLeavingWhileItsTokenIsValidatedIsOneDisconnectAndGetsNoAnswer() throws Exception {
        Promise<ValidatedToken> held = Promise.promise();
        CompletableFuture<Void> asked = new CompletableFuture<>();
        AccessTokenValidator holding = (jwt, audience) -> {
            asked.complete(null);
            return held.future();
        };
        Account account = TestAccounts.account();
        Vertx vertx = Vertx.vertx();
        try {
            AccountEmulator emulator = AccountEmulator.start(vertx, TestAccounts.topology(account), account, holding)
                    .await();
            emulator.tokenizersLoaded().await();

            try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
                String body = RunningAccount.chatBody("Hello", "");
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + RunningAccount.chatPath("gpt-4o") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "authorization: Bearer " + TestAccounts.TOKEN_WITH_ROLE + "\r\n"
                        + "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                asked.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            }

            Await.until("the account counted the client leaving", LIMIT,
                    () -> emulator.counters().clientDisconnects() == 1, () -> emulator.counters().toString());
            vertx.runOnContext(v -> held.complete(new ValidatedToken(TestAccounts.OID_WITH_ROLE, TestAccounts.TENANT,
                    audience(), "app", Instant.now().plusSeconds(3600))));
            Await.until("the validation was released", LIMIT, () -> held.future().isComplete());
            // a second client's whole answer: the released exchange has had its turn on the loops meanwhile
            HttpResponse<String> second = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(emulator.endpoint() + RunningAccount.chatPath("gpt-4o"))).timeout(LIMIT)
                    .header("api-key", account.keys().get(0)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RunningAccount.chatBody("Hi.", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(200);

            CountersSnapshot counters = emulator.counters();
            assertThat(counters.outcomes().clientDisconnects()).isEqualTo(1);
            assertThat(counters.outcomes().answered()).as("only the second client was answered")
                    .isEqualTo(Map.of(200, 1L));
            assertThat(counters.outcomes().inFlight()).isZero();
            emulator.stop().await();
        } finally {
            vertx.close().await();
        }
    }

    private static String audience() {
        return "https://cognitiveservices.azure.com";
    }
}
