package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreAcceptanceTest {
    private static Vertx vertx;
    private static EmulatorTls tls;
    private static HttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHttpsListener() {
        vertx = Vertx.vertx();
        tls = EmulatorTls.generate();
        server = Futures.await(vertx.createHttpServer(tls.loopbackServerOptions(0))
                .requestHandler(request -> request.response().end("hello over tls"))
                .listen());
    }

    @AfterAll
    static void stop() {
        Futures.await(vertx.close());
    }

    private URI listener() {
        return URI.create("https://127.0.0.1:" + server.actualPort() + "/");
    }

    @Test
    void trustStoreWrittenToDiskIsLoadedBackAndTrustsTheListener() throws Exception {
        Endpoints.Tls section = tls.writeTrustStore(dir.resolve("emulator-truststore.p12"));
        TrustMaterial loaded = TrustMaterial.load(section);
        HttpClient client = HttpClient.newBuilder().sslContext(loaded.sslContext()).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(listener()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello over tls");
        assertThat(section.type()).isEqualTo("PKCS12");
        assertThat(section.trustStorePassword()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void defaultJdkClientDoesNotTrustTheListener() {
        HttpClient client = HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(listener()).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void trustStoreHoldsOnlyTheCertificateAndOnlyItsOwnerMayReadIt() throws Exception {
        Path path = dir.resolve("emulator-truststore.p12");
        Endpoints.Tls section = tls.writeTrustStore(path);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(path)) {
            store.load(in, section.trustStorePassword().toCharArray());
        }

        List<String> aliases = Collections.list(store.aliases());
        assertThat(aliases).hasSize(1);
        assertThat(store.isCertificateEntry(aliases.get(0))).isTrue();
        assertThat(store.getCertificate(aliases.get(0))).isEqualTo(tls.certificate().certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void trustStoreWithTheWrongPasswordIsRefusedNamingTheFile() {
        Path path = dir.resolve("emulator-truststore.p12");
        tls.writeTrustStore(path);

        assertThatThrownBy(() -> TrustMaterial.load(path, "not-the-password"))
                .hasMessageContaining(path.toString());
    }

    @Test
    void certificateNamesOnlyLoopbackAndIsValidForAboutAYear() throws Exception {
        X509Certificate certificate = tls.certificate().certificate();

        assertThat(certificate.getSubjectAlternativeNames()).extracting(san -> (Object) san.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        Duration validity = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertThat(validity).isBetween(Duration.ofDays(364), Duration.ofDays(366));
        certificate.checkValidity();
    }
}
