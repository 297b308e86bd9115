package io.aoaigw.harness.emulator.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;

/**
 * The key manager of the emulator's HTTPS listeners, built once. An in-memory JKS store protects the key with a
 * cheap obfuscation instead of PKCS#12's 10,000-round key derivation: it never leaves this process.
 */
final class ServerKeyManager {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private ServerKeyManager() {
    }

    static KeyManagerFactory of(SelfSignedCertificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry("emulator", certificate.privateKey(), IN_MEMORY,
                    new Certificate[] {certificate.certificate()});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the emulator's TLS key manager", e);
        }
    }
}
