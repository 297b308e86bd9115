package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.aoaigw.harness.testsupport.Futures;
import io.aoaigw.harness.trust.AzureHttpClients;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

class LoopbackOnlyHttpClientTest {
    private static Vertx vertx;
    private static EmulatorTls tls;
    private static HttpServer server;

    /** Records what reaches it and sends nothing anywhere, so a broken guard cannot leak a packet. */
    private final List<String> delegated = new ArrayList<>();
    private final HttpClient recording = request -> {
        delegated.add(request.getUrl().toString());
        return Mono.empty();
    };
    private final HttpClient guarded = new LoopbackOnlyHttpClient(recording);

    @BeforeAll
    static void startHttpsListener() {
        vertx = Vertx.vertx();
        tls = EmulatorTls.generate();
        server = Futures.await(vertx.createHttpServer(tls.loopbackServerOptions(0))
                .requestHandler(request -> request.response().setStatusCode(204).end())
                .listen());
    }

    @AfterAll
    static void stop() {
        Futures.await(vertx.close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/metadata/identity/oauth2/token",
            "https://login.microsoftonline.com/common/discovery/instance", "https://example.com/"})
    void requestsToOtherHostsFailWithoutReachingTheDelegate(String url) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url);

        assertThatThrownBy(() -> guarded.send(request).block()).hasMessageContaining("only 127.0.0.1");
        assertThatThrownBy(() -> guarded.send(request, Context.NONE).block()).hasMessageContaining("only 127.0.0.1");
        assertThatThrownBy(() -> guarded.sendSync(request, Context.NONE)).hasMessageContaining("only 127.0.0.1");
        assertThat(delegated).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:1/x", "https://localhost:1/x", "https://[::1]:1/x"})
    void loopbackRequestsReachTheDelegate(String url) {
        guarded.send(new HttpRequest(HttpMethod.GET, url)).block();

        assertThat(delegated).containsExactly(url);
    }

    @Test
    void nettyClientTrustingTheCertificateReachesTheListener() {
        HttpClient client = AzureHttpClients.loopbackOnly(tls.trust());

        try (HttpResponse response = client.send(new HttpRequest(HttpMethod.GET,
                "https://127.0.0.1:" + server.actualPort() + "/")).block(Duration.ofSeconds(30))) {
            assertThat(response.getStatusCode()).isEqualTo(204);
        }
    }

    @Test
    void nettyClientTrustingAnotherCertificateFailsTheHandshake() {
        HttpClient client = AzureHttpClients.loopbackOnly(EmulatorTls.fresh().trust());

        assertThatThrownBy(() -> client.send(new HttpRequest(HttpMethod.GET,
                "https://127.0.0.1:" + server.actualPort() + "/")).block(Duration.ofSeconds(30)))
                .hasStackTraceContaining("PKIX");
    }
}
