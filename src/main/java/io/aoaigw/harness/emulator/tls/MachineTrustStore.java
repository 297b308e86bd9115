package io.aoaigw.harness.emulator.tls;

import io.aoaigw.harness.emulator.Endpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The trust store of the machine's certificate, kept beside it in the {@link MachineKeyCache}: a PKCS#12 store costs
 * two 10,000-round key derivations to write (a quarter of a cold start), and its bytes never change for one
 * certificate. The entry is named after the certificate's fingerprint, so a new certificate gets a new store.
 */
final class MachineTrustStore {
    private MachineTrustStore() {
    }

    static Endpoints.Tls write(TrustMaterial trust, X509Certificate certificate, Path path, MachineKeyCache cache) {
        if (!cache.enabled()) {
            return trust.writeTo(path);
        }
        Stored stored = cache.get("tls-truststore-" + fingerprint(certificate) + ".txt", () -> made(trust),
                Stored::encode, Stored::decode);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(path);
            TrustMaterial.createOwnerOnly(path);
            Files.write(path, stored.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the trust store " + path, e);
        }
        return new Endpoints.Tls(path.toAbsolutePath().toString(), stored.password(), TrustMaterial.TYPE, null);
    }

    private static Stored made(TrustMaterial trust) {
        try {
            Path temp = Files.createTempFile("aoaigw-truststore", ".p12");
            try {
                Endpoints.Tls written = trust.writeTo(temp);
                return new Stored(written.trustStorePassword(), Files.readAllBytes(temp));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a trust store", e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store's password and bytes; as text, the password on the first line and the bytes in Base64 below. */
    record Stored(String password, byte[] bytes) {
        String encode() {
            return password + "\n" + Base64.getEncoder().encodeToString(bytes) + "\n";
        }

        static Optional<Stored> decode(String text) {
            String[] lines = text.split("\n");
            return lines.length == 2 && !lines[0].isBlank()
                    ? Optional.of(new Stored(lines[0], Base64.getDecoder().decode(lines[1])))
                    : Optional.empty();
        }
    }
}
