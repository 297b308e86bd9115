package io.aoaigw.harness.emulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.Futures;
import io.aoaigw.harness.testsupport.IdentityEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starting, publishing and stopping the emulator as a topology starter does. */
class IdentityEmulatorLifecycleTest {
    @RegisterExtension
    static final IdentityEmulatorExtension identity = new IdentityEmulatorExtension();

    @Test
    void startFailsWhenThePortIsAlreadyBound() {
        int taken = identity.emulator().port();

        Throwable failure = Futures.failureOf(IdentityEmulator.start(identity.vertx(), identity.topology(),
                identity.tls(), IdentitySettings.defaults().withPort(taken)));

        assertThat(failure).hasMessageContaining("Address already in use");
    }

    @Test
    void endpointsSectionPublishesTheReaderAndApimsIdentityHeaderOnLoopbackUrls() {
        IdentityEmulator emulator = identity.emulator();

        Endpoints.Identity section = emulator.endpointsSection();

        assertThat(section.authorityHost()).isEqualTo("https://127.0.0.1:" + emulator.port());
        assertThat(section.tenantId()).isEqualTo(identity.topology().tenantId());
        assertThat(section.clientId()).isEqualTo(identity.servicePrincipal().clientId());
        assertThat(section.managedIdentityEndpoint()).isEqualTo(emulator.authorityHost() + "/msi/token");
        assertThat(section.identityHeader()).isEqualTo(emulator.identityHeaderFor(identity.apimIdentity().name()))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(emulator.jwksUri()).startsWith(emulator.authorityHost() + "/" + section.tenantId());
    }

    @Test
    void stoppedEmulatorNoLongerAcceptsConnections() {
        IdentityEmulator second = Futures.await(IdentityEmulator.start(identity.vertx(), identity.topology(),
                identity.tls(), IdentitySettings.defaults()));
        int port = second.port();

        Futures.await(second.stop());

        Throwable failure = Futures.failureOf(identity.vertx().createNetClient().connect(port, "127.0.0.1"));
        assertThat(failure).hasMessageContaining("Connection refused");
    }
}
