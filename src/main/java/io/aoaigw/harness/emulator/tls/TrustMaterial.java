package io.aoaigw.harness.emulator.tls;

import io.aoaigw.harness.emulator.Endpoints;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client trusts to reach the emulator: a key store holding only the emulator's certificate, handed to each
 * client stack (JDK, Vert.x, Netty) explicitly. The JVM-wide defaults are never touched, so a client that was not
 * given this material fails its handshake, as it should.
 */
public final class TrustMaterial {
    public static final String TYPE = "PKCS12";
    private static final String ALIAS = "aoai-gateway-harness-emulator";

    private final KeyStore keyStore;

    private TrustMaterial(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    public static TrustMaterial of(X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate);
            return new TrustMaterial(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** Reads a trust store written by {@link #writeTo(Path)}, e.g. from the endpoints JSON of another process. */
    public static TrustMaterial load(Path path, String password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password.toCharArray());
            return new TrustMaterial(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the trust store " + path + ": " + e.getMessage(), e);
        }
    }

    public static TrustMaterial load(Endpoints.Tls section) {
        if (!TYPE.equalsIgnoreCase(section.type())) {
            throw new IllegalArgumentException("trust store type " + section.type() + " is not " + TYPE);
        }
        return load(Path.of(section.trustStore()), section.trustStorePassword());
    }

    /**
     * Writes the certificate (never a key) as a PKCS12 trust store under a fresh random password, readable only by
     * the owner where the file system allows; returns the endpoints JSON section describing it (no PEM file).
     */
    public Endpoints.Tls writeTo(Path path) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(path);
            createOwnerOnly(path);
            try (OutputStream out = Files.newOutputStream(path)) {
                keyStore.store(out, password.toCharArray());
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the trust store " + path, e);
        }
        return new Endpoints.Tls(path.toAbsolutePath().toString(), password, TYPE, null);
    }

    /** Every trusted certificate as PEM, the form curl, Node, Python and OpenSSL read. */
    public Path writePem(Path path) {
        StringBuilder pem = new StringBuilder();
        try {
            for (String alias : java.util.Collections.list(keyStore.aliases())) {
                pem.append(SelfSignedCertificate.pem("CERTIFICATE", keyStore.getCertificate(alias).getEncoded()));
            }
            Files.writeString(path, pem.toString(), java.nio.charset.StandardCharsets.US_ASCII);
            return path;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the PEM trust file " + path, e);
        }
    }

    static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }

    /** The trusted certificate as a key store, for clients configured with one (e.g. RestAssured); do not modify. */
    public KeyStore keyStore() {
        return keyStore;
    }

    public TrustManagerFactory trustManagerFactory() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The X.509 trust manager, for clients that take it apart from the socket factory (OkHttp). */
    public X509TrustManager x509TrustManager() {
        for (TrustManager manager : trustManagerFactory().getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    /** For java.net.http, nimbus and other JDK clients. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagerFactory().getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For Vert.x clients ({@code HttpClientOptions.setTrustOptions}). */
    public TrustOptions vertxTrustOptions() {
        return TrustOptions.wrap(trustManagerFactory());
    }

    /** Vert.x HTTPS client options trusting only this material, host names verified (APIM → Front Door → accounts). */
    public HttpClientOptions vertxClientOptions() {
        return new HttpClientOptions().setSsl(true).setVerifyHost(true).setTrustOptions(vertxTrustOptions());
    }

    /** For reactor-netty (the Azure SDK's HTTP client); the JDK provider keeps verification identical everywhere. */
    public SslContext nettyClientSslContext() {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(trustManagerFactory()).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
