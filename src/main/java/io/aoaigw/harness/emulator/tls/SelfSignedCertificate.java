package io.aoaigw.harness.emulator.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * An EC P-256 certificate for localhost, 127.0.0.1 and ::1, made on this machine ({@link MachineCertificate}):
 * nothing secret is ever checked in, and clients trust exactly this certificate instead of switching TLS checks off.
 */
public final class SelfSignedCertificate {
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A certificate and its key made earlier (see {@link MachineCertificate}). */
    static SelfSignedCertificate of(X509Certificate certificate, PrivateKey privateKey) {
        return new SelfSignedCertificate(certificate, privateKey);
    }

    /** A fresh key pair and certificate, made by the JDK's keytool ({@link CertificateMaker}). */
    public static SelfSignedCertificate generate() {
        return CertificateMaker.make();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8, the form every TLS stack here (JDK, Netty, Vert.x) reads. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
