package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The top-level {@code transport} of a topology: HTTPS unless the file says {@code http}; anything else refused. */
class TransportOptionTest {

    @Test
    void transportIsHttpsUnlessTheFileSaysHttp() throws Exception {
        assertThat(parse("").transport()).isEqualTo(Topology.Transport.https);
        assertThat(parse("transport: http\n").transport()).isEqualTo(Topology.Transport.http);
        assertThat(parse("transport: https\n").transport()).isEqualTo(Topology.Transport.https);
    }

    @Test
    void anUnknownTransportIsOneLineNamingTheFileAndSetting() {
        assertThatThrownBy(() -> parse("transport: tls\n"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("test.yaml").hasMessageContaining("transport").hasMessageContaining("https")
                .hasMessageNotContaining("\n");
    }

    @Test
    void generatedKeysKeepTheTransport() throws Exception {
        assertThat(GeneratedKeys.fillMissing(parse("transport: http\n")).transport())
                .isEqualTo(Topology.Transport.http);
    }

    private static Topology parse(String transportLine) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        return TopologyLoader.parse(Path.of("test.yaml"), transportLine + yaml);
    }
}
