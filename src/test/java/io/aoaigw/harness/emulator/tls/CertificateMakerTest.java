package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What keytool is asked for is what a server certificate for loopback needs, and nothing a CA would hold. */
class CertificateMakerTest {
    private static final int DNS = 2;
    private static final int IP = 7;
    private static SelfSignedCertificate made;

    @BeforeAll
    static void make() {
        made = CertificateMaker.make();
    }

    @Test
    void namesLocalhostAndBothLoopbackAddresses() throws Exception {
        assertThat(made.certificate().getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"), List.of(IP, "0:0:0:0:0:0:0:1"));
        assertThat(made.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=aoai-gateway-harness emulator");
    }

    @Test
    void isAServerCertificateOnlyWithItsConstraintsCritical() throws Exception {
        X509Certificate certificate = made.certificate();

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getKeyUsage()).as("no other usage, certificate signing above all")
                .containsOnlyOnce(true);
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void isValidFromAnHourAgoForAYear() {
        Instant now = Instant.now();
        Instant notBefore = made.certificate().getNotBefore().toInstant();
        Instant notAfter = made.certificate().getNotAfter().toInstant();

        assertThat(Duration.between(notBefore, now)).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(70));
        assertThat(Duration.between(notBefore, notAfter).toDays())
                .isBetween((long) CertificateMaker.VALIDITY_DAYS, CertificateMaker.VALIDITY_DAYS + 1L);
    }

    @Test
    void theKeySignsWhatTheCertificateVerifiesAndTheCertificateIsSelfSigned() throws Exception {
        byte[] data = "frame".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(made.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(made.certificate());
        verifier.update(data);

        assertThat(verifier.verify(signature)).isTrue();
        made.certificate().verify(made.certificate().getPublicKey());
    }
}
