package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** APIM's tier, diagnostics and timeouts: each mistake is one line naming the field; good settings load. */
class ApimTierValidatorTest {
    private static final String SKU = "  sku: Developer\n";
    private static final String AFTER_SKU = SKU + "  identity: apim-contoso\n";

    @Test
    void tiersDiagnosticsAndTimeoutsLoadWithTheirDefaults() throws Exception {
        Topology t = parse(AFTER_SKU.replace("Developer", "Consumption") + """
                  diagnostics:
                    - {logger: azuremonitor, frontend: {responseBodyBytes: 8192}}
                    - {logger: azuremonitor, api: azure-openai}
                    - {logger: applicationinsights, backend: {requestBodyBytes: 512}}
                """);

        assertThat(t.apim().timeouts().idleMs()).isEqualTo(240_000);
        assertThat(t.apim().totalRequestLimitMs()).isEqualTo(30_000);
        assertThat(t.apim().diagnostics()).hasSize(3);
        // the API's own azuremonitor diagnostic (no bodies) overrides the global one for that API
        assertThat(ApimDiagnostic.effective(t.apim().diagnostics(), "azure-openai"))
                .noneMatch(ApimDiagnostic::logsResponseBodies).hasSize(2);
        assertThat(ApimDiagnostic.effective(t.apim().diagnostics(), "echo-api"))
                .anyMatch(ApimDiagnostic::logsResponseBodies);
    }

    @Test
    void theDeveloperTierHasNoTotalLimitUnlessOneIsSet() throws Exception {
        assertThat(parse(AFTER_SKU).apim().totalRequestLimitMs()).isZero();
        assertThat(parse(AFTER_SKU + "  timeouts: {idleMs: 500, totalRequestMs: 1000}\n").apim()
                .totalRequestLimitMs()).isEqualTo(1000);
    }

    @Test
    void anUnknownTierIsNamed() {
        assertThatThrownBy(() -> parse(AFTER_SKU.replace("Developer", "Gold")))
                .hasMessageContaining("apim.sku: 'Gold' is not an APIM tier (Consumption, Developer, Basic, Standard, "
                        + "Premium, BasicV2, StandardV2, PremiumV2)");
    }

    @Test
    void aDiagnosticNamingAnUnknownApiIsOneLine() {
        assertThatThrownBy(() -> parse(AFTER_SKU + "  diagnostics:\n    - {logger: azuremonitor, api: echo}\n"))
                .hasMessageContaining("apim.diagnostics[0].api: no API with id 'echo' (APIs: azure-openai)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void bodyBytesAboveApimsMaximumAreRefused() {
        assertThatThrownBy(() -> parse(AFTER_SKU + "  diagnostics:\n"
                + "    - {logger: applicationinsights, frontend: {responseBodyBytes: 9000}}\n"))
                .hasMessageContaining("apim.diagnostics[0].frontend.responseBodyBytes: must be 0..8192");
    }

    @Test
    void anUnknownLoggerAndATwiceGivenDiagnosticAreRefused() {
        assertThatThrownBy(() -> parse(AFTER_SKU + "  diagnostics:\n    - {logger: eventhub}\n"))
                .hasMessageContaining("apim.diagnostics[0].logger: must be applicationinsights or azuremonitor");
        assertThatThrownBy(() -> parse(AFTER_SKU + "  diagnostics:\n    - {logger: azuremonitor}\n"
                + "    - {logger: azuremonitor}\n"))
                .hasMessageContaining("apim.diagnostics[1]: a second azuremonitor diagnostic for all APIs");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> parse(AFTER_SKU + "  timeouts: {idleMs: 0}\n"))
                .hasMessageContaining("apim.timeouts.idleMs: must be >= 1");
        assertThatThrownBy(() -> parse(AFTER_SKU + "  timeouts: {totalRequestMs: -1}\n"))
                .hasMessageContaining("apim.timeouts.totalRequestMs: must be >= 0");
    }

    private static Topology parse(String apimLines) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        return TopologyLoader.parse(Path.of("t.yaml"), yaml.replace(AFTER_SKU, apimLines));
    }
}
