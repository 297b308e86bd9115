package io.aoaigw.harness.emulator.tls;

import io.aoaigw.harness.emulator.Endpoints;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;

/**
 * The TLS identity of one emulator run: every HTTPS listener presents the same self-signed certificate, and every
 * client (in this process or, through the written trust store, in another) trusts exactly that certificate.
 */
public final class EmulatorTls {
    private final SelfSignedCertificate certificate;
    private final TrustMaterial trust;
    private KeyManagerFactory keyManager;
    private KeyCertOptions keyCertOptions;

    private EmulatorTls(SelfSignedCertificate certificate) {
        this.certificate = certificate;
        this.trust = TrustMaterial.of(certificate.certificate());
    }

    /**
     * The machine's certificate ({@link MachineKeyCache}): made on the first start, read back on the next ones, and
     * shared by every start in this JVM (with its key manager, which {@link TlsWarmUp} may have built already).
     * With the cache off, every start makes its own.
     */
    public static EmulatorTls generate() {
        return MachineKeyCache.machine().enabled() ? Machine.TLS
                : new EmulatorTls(MachineCertificate.get(MachineKeyCache.machine()));
    }

    /** Made on first use, by whichever of the warm-up and the first start comes first. */
    private static final class Machine {
        static final EmulatorTls TLS = new EmulatorTls(MachineCertificate.get(MachineKeyCache.machine()));
    }

    /** A certificate of its own, never the machine's: what a client trusting another certificate would hold. */
    public static EmulatorTls fresh() {
        return new EmulatorTls(SelfSignedCertificate.generate());
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /**
     * The listener's key and certificate, for {@code HttpServerOptions.setKeyCertOptions}: one key manager shared by
     * every listener (PEM options made each listener build a PKCS#12 store, ~0.1 s of key derivation apiece).
     */
    public synchronized KeyCertOptions serverKeyCertOptions() {
        if (keyCertOptions == null) {
            keyCertOptions = KeyCertOptions.wrap(keyManager());
        }
        return keyCertOptions;
    }

    /** The one key manager of this certificate, built on first use (by the listeners or by {@link TlsWarmUp}). */
    synchronized KeyManagerFactory keyManager() {
        if (keyManager == null) {
            keyManager = ServerKeyManager.of(certificate);
        }
        return keyManager;
    }

    /** HTTPS listener options bound to the IPv4 loopback; the port is the component's (0: ephemeral). */
    public HttpServerOptions loopbackServerOptions(int port) {
        return new HttpServerOptions().setSsl(true).setKeyCertOptions(serverKeyCertOptions())
                .setHost("127.0.0.1").setPort(port);
    }

    public TrustMaterial trust() {
        return trust;
    }

    /**
     * Writes the trust store for other processes, and the certificate as PEM beside it ({@code NAME.pem}, for curl,
     * Node, Python: a certificate is no secret); the result is the endpoints JSON's {@code tls} section.
     */
    public Endpoints.Tls writeTrustStore(Path path) {
        Endpoints.Tls store = MachineTrustStore.write(trust, certificate.certificate(), path, MachineKeyCache.machine());
        Path pem = trust.writePem(path.resolveSibling(path.getFileName().toString().replaceFirst("\\.p12$", "")
                + ".pem"));
        return new Endpoints.Tls(store.trustStore(), store.trustStorePassword(), store.type(),
                pem.toAbsolutePath().toString());
    }
}
