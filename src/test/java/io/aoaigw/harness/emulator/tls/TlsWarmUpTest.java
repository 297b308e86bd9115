package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TlsWarmUpTest {
    @Test
    void shakesHandsOverTls13WithTheEmulatorsCertificate() throws Exception {
        assertThat(TlsWarmUp.handshake(EmulatorTls.fresh())).isEqualTo("TLSv1.3");
    }

    @Test
    void beginsOncePerJvm() {
        assertThat(TlsWarmUp.beginOnce()).isSameAs(TlsWarmUp.beginOnce());
    }

    @Test
    void aClientTrustingAnotherCertificateFailsTheHandshake() {
        EmulatorTls server = EmulatorTls.fresh();
        TrustMaterial stranger = EmulatorTls.fresh().trust();

        assertThatThrownBy(() -> TlsWarmUp.handshake(server, stranger)).isInstanceOf(SSLHandshakeException.class);
    }
}
