package io.aoaigw.harness.emulator.tls;

import io.aoaigw.harness.emulator.Endpoints;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;

/**
 * The TLS identity of one emulator run: every HTTPS listener presents the same self-signed certificate, and every
 * client (in this process or, through the written trust store, in another) trusts exactly that certificate.
 */
public final class EmulatorTls {
    private final SelfSignedCertificate certificate;
    private final TrustMaterial trust;

    private EmulatorTls(SelfSignedCertificate certificate) {
        this.certificate = certificate;
        this.trust = TrustMaterial.of(certificate.certificate());
    }

    public static EmulatorTls generate() {
        return new EmulatorTls(SelfSignedCertificate.generate());
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** The listener's key and certificate, for {@code HttpServerOptions.setKeyCertOptions}. */
    public KeyCertOptions serverKeyCertOptions() {
        return new PemKeyCertOptions()
                .addKeyValue(Buffer.buffer(certificate.privateKeyPem()))
                .addCertValue(Buffer.buffer(certificate.certificatePem()));
    }

    /** HTTPS listener options bound to the IPv4 loopback; the port is the component's (0: ephemeral). */
    public HttpServerOptions loopbackServerOptions(int port) {
        return new HttpServerOptions().setSsl(true).setKeyCertOptions(serverKeyCertOptions())
                .setHost("127.0.0.1").setPort(port);
    }

    public TrustMaterial trust() {
        return trust;
    }

    /** Writes the trust store for other processes; the result is the endpoints JSON's {@code tls} section. */
    public Endpoints.Tls writeTrustStore(Path path) {
        return trust.writeTo(path);
    }
}
