package io.aoaigw.harness.target;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An endpoints JSON that names anything but loopback is refused before any credential or client is made. */
class TargetArmLoopbackTest {
    @Test
    void anArmEndpointOffLoopbackIsBadInputNamingTheField(@TempDir Path dir) throws Exception {
        Path file = write(dir, "https://management.azure.com", "https://127.0.0.1:1");

        assertThatThrownBy(() -> TargetArm.embedded(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " arm.endpoint refused to send a request to https://management.azure.com — only"
                        + " 127.0.0.1, localhost and ::1 may be reached");
    }

    @Test
    void anAuthorityOffLoopbackIsRefusedToo(@TempDir Path dir) throws Exception {
        Path file = write(dir, "https://127.0.0.1:1", "https://login.microsoftonline.com");

        assertThatThrownBy(() -> TargetArm.embedded(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " identity.authorityHost refused to send a request to"
                        + " https://login.microsoftonline.com");
    }

    private static Path write(Path dir, String arm, String authority) throws Exception {
        Path file = dir.resolve("endpoints.json");
        EndpointsFile.write(new Endpoints(null, null, List.of(),
                new Endpoints.Identity(authority, "tenant", "client", "secret", null, null),
                new Endpoints.Arm(arm, "sub", "rg"), null, new Endpoints.Tls("none.p12", "pw", "PKCS12", null)), file);
        return file;
    }
}
