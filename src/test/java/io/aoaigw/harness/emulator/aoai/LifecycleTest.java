package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Faults;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting and stopping an account: ports, start-up faults, and several accounts side by side. */
class LifecycleTest {

    @Test
    void startFailsWhenTheConfiguredPortIsTaken() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Account account = withPort(TestAccounts.account(), taken.getLocalPort());

            assertThatThrownBy(() -> AccountEmulator.start(vertx, TestAccounts.topology(account), account,
                    TestAccounts.validator()).await()).hasMessageContaining("in use");
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void twoAccountsOnEphemeralPortsGetTheirOwnPortsAndRegions() {
        Account first = TestAccounts.account();
        Account second = new Account("aoai-second", "westeurope", 0, List.of("k1", "k2"), first.latency(),
                Faults.NONE, first.deployments());
        try (RunningAccount a = RunningAccount.start(first); RunningAccount b = RunningAccount.start(second)) {
            assertThat(a.emulator.port()).isNotEqualTo(b.emulator.port()).isPositive();
            assertThat(a.emulator.endpoint()).isEqualTo("http://127.0.0.1:" + a.emulator.port());
            String body = RunningAccount.chatBody("Hi.", "");

            assertThat(a.postWithKey(RunningAccount.chatPath("gpt-4o"), body).headers().firstValue("x-ms-region"))
                    .hasValue("Sweden Central");
            assertThat(b.post(RunningAccount.chatPath("gpt-4o"), body, "api-key", "k1").headers()
                    .firstValue("x-ms-region")).hasValue("West Europe");
        }
    }

    @Test
    void downFromTheTopologyRefusesConnectionsFromTheStart() {
        Account base = TestAccounts.account();
        Account down = new Account(base.name(), base.region(), 0, base.keys(), base.latency(),
                new Faults(true, null, null, null, null, null, null), base.deployments());
        try (RunningAccount account = RunningAccount.start(down)) {
            assertThat(account.emulator.isListening()).isFalse();
            assertThatThrownBy(() -> account.postWithKey(RunningAccount.chatPath("gpt-4o"), "{}"))
                    .hasCauseInstanceOf(java.net.ConnectException.class);

            account.emulator.clearFaults().await();

            assertThat(account.postWithKey(RunningAccount.chatPath("gpt-4o"), RunningAccount.chatBody("Hi.", ""))
                    .statusCode()).isEqualTo(200);
        }
    }

    private static Account withPort(Account a, int port) {
        return new Account(a.name(), a.region(), port, a.keys(), a.latency(), a.faults(), a.deployments());
    }
}
