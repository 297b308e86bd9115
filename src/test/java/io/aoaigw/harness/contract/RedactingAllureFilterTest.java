package io.aoaigw.harness.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aoaigw.harness.secrets.Redactor;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.qameta.allure.restassured.AllureRestAssured;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the suites attach with {@link RedactingAllureFilter}: allure-rest-assured 2.35.3 hides the headers of
 * RestAssured's LogConfig blacklist but writes a key sent as the {@code subscription-key} query parameter into the
 * attachment's URL. The redacting filter leaves neither, nor a token in a response.
 */
class RedactingAllureFilterTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxMjM0NTY3OCJ9.c2lnbmF0dXJlLXBhcnQ";

    private HttpServer server;
    private String url;
    private final List<String> attachments = new CopyOnWriteArrayList<>();
    private final AllureLifecycle lifecycle = new AllureLifecycle(new AllureResultsWriter() {
        @Override
        public void write(TestResult result) {
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream content) {
            try (content) {
                attachments.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    });

    @BeforeEach
    void server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"echo\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-echo-token", "Bearer " + TOKEN);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void stockFilterHidesBlacklistedHeadersButLeaksTheQueryKey() {
        AllureLifecycle global = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle); // AllureRestAssured attaches to the global lifecycle only
        try {
            send(new AllureRestAssured());
        } finally {
            Allure.setLifecycle(global);
        }

        String request = attachments.get(0);
        assertThat(request).contains("subscription-key=" + KEY);
        assertThat(request.replace("subscription-key=" + KEY, "")).doesNotContain(KEY);
    }

    @Test
    void redactingFilterLeavesNoKeyOrTokenInAnyAttachment() {
        send(new RedactingAllureFilter(Redactor.of(List.of(KEY)), List.of("api-key", "Authorization"),
                (data, renderer) -> new DefaultAttachmentProcessor(lifecycle).addAttachment(data, renderer)));

        assertThat(attachments).hasSize(2).allSatisfy(text -> assertThat(text).doesNotContain(KEY)
                .doesNotContain(TOKEN).contains(Redactor.MASK));
        assertThat(attachments.get(0)).contains("subscription-key=" + Redactor.MASK).contains("api-key");
    }

    /** One GET with the key in a blacklisted header and in the query, inside a test case of the capturing lifecycle. */
    private void send(Filter filter) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("attachment probe"));
        lifecycle.startTestCase(uuid);
        try {
            given()
                    .config(RestAssuredConfig.config().logConfig(LogConfig.logConfig()
                            .blacklistHeaders(List.of("api-key", "Authorization"))))
                    .baseUri(url)
                    .filter(filter)
                    .header("api-key", KEY)
                    .header("Authorization", "Bearer " + TOKEN)
                    .queryParam("subscription-key", KEY)
            .when()
                    .get("/openai/deployments/gpt-4o/chat/completions")
            .then()
                    .statusCode(200);
        } finally {
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
    }
}
