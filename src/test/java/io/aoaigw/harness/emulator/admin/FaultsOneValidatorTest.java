package io.aoaigw.harness.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.topology.TopologyLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults enter through the topology file and through {@code PUT /admin/accounts/{name}/faults}: both refuse the same
 * values with the same words (400 and one line from the admin API), and a refused PUT changes nothing.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class FaultsOneValidatorTest {
    private static final String ACCOUNT = "aoai-swedencentral";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "errorStatus: 999        | faults.errorStatus: must be 500 or 503",
            "errorStatus: 200        | faults.errorStatus: must be 500 or 503",
            "slowMs: -5              | faults.slowMs: must be >= 0",
            "errorCount: -1          | faults.errorCount: must be >= 0",
            "cutAfterFrames: -2      | faults.cutAfterFrames: must be >= 0",
            "throttleRetryAfterMs: -1| faults.throttleRetryAfterMs: must be >= 0"})
    void theAdminApiRefusesWhatTheTopologyFileRefuses(String fault, String message, EmbeddedTopology embedded)
            throws Exception {
        String[] kv = fault.split(":\\s*");
        HttpResponse<String> put = put(embedded, "{\"" + kv[0] + "\": " + kv[1] + "}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).isEqualTo("{\"error\":\"" + message + "\"}");
        assertThat(embedded.account(ACCOUNT).faults().errorStatus()).isEqualTo(503);
        assertThat(embedded.account(ACCOUNT).faults().slowMs()).isZero();

        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml")).replaceFirst(
                "(?m)^  - name: aoai-swedencentral\n", "  - name: aoai-swedencentral\n    faults: {" + fault + "}\n");
        assertThatThrownBy(() -> TopologyLoader.parse(Path.of("t.yaml"), yaml))
                .hasMessageEndingWith(": accounts[2]." + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"null | body: a JSON object of faults is required",
            "[1] | body is not a valid Faults", "{\"erorStatus\": 500} | body is not a valid Faults: Unrecognized"})
    void aBodyThatIsNoFaultsIsA400(String body, String message, EmbeddedTopology embedded) throws Exception {
        HttpResponse<String> put = put(embedded, body);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).startsWith("{\"error\":\"" + message).doesNotContain("\\n");
    }

    private static HttpResponse<String> put(EmbeddedTopology embedded, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(embedded.endpoints().admin().url()
                        + "/admin/accounts/" + ACCOUNT + "/faults")).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
