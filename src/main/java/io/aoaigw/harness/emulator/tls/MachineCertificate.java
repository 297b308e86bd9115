package io.aoaigw.harness.emulator.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * The emulator's self-signed certificate, made once per machine ({@link MachineKeyCache}) and read back as PEM, so a
 * cached start runs no keytool.
 */
final class MachineCertificate {
    /** Bump the version when {@link SelfSignedCertificate} changes what it puts in a certificate (names, usages). */
    static final String ENTRY = "tls-certificate-v1.pem";
    /** A cached certificate this close to its end is made afresh. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";

    private MachineCertificate() {
    }

    static SelfSignedCertificate get(MachineKeyCache cache) {
        return cache.get(ENTRY, SelfSignedCertificate::generate, MachineCertificate::encode, MachineCertificate::decode);
    }

    static String encode(SelfSignedCertificate certificate) {
        return certificate.certificatePem() + certificate.privateKeyPem();
    }

    /** Empty when the text is not a certificate and key in PEM, or the certificate is not valid for long. */
    static Optional<SelfSignedCertificate> decode(String pem) {
        int key = pem.indexOf(KEY_BEGIN);
        if (key < 0) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.substring(0, key)
                            .getBytes(StandardCharsets.US_ASCII)));
            certificate.checkValidity(Date.from(Instant.now().plus(RENEW_BEFORE)));
            certificate.checkValidity();
            String body = pem.substring(key + KEY_BEGIN.length(), pem.indexOf("-----END", key));
            PrivateKey privateKey = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
            return Optional.of(SelfSignedCertificate.of(certificate, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
