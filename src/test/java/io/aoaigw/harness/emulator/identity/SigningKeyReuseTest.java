package io.aoaigw.harness.emulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Identity providers of one JVM share one signing key (as Entra's tenants do), so starts do not pay for RSA keys. */
class SigningKeyReuseTest {

    @Test
    void twoIssuersPublishTheSameKeyAndNeverItsPrivateHalf() throws Exception {
        var topology = TopologyLoader.load(Path.of("scenarios/topologies/default.yaml"));

        TokenIssuer first = TokenIssuer.create(topology, Duration.ofHours(1), new TokenIssueLog());
        TokenIssuer second = TokenIssuer.create(topology, Duration.ofHours(1), new TokenIssueLog());

        assertThat(second.publicKeys().toString()).isEqualTo(first.publicKeys().toString());
        assertThat(first.publicKeys().getKeys()).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(first.publicKeys().getKeys().get(0).getKeyID()).isEqualTo(TokenIssuer.signingKey().getKeyID());
    }
}
