package io.aoaigw.harness.contract.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.inventory.DiagnosticInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S6's reading of ARM: each thing that holds or cuts a stream is one line naming the setting; a healthy one none. */
class StreamHoldersTest {
    private static final String STREAMING_POLICY = "<policies><inbound><base /></inbound><backend><forward-request "
            + "buffer-response=\"false\" /></backend><outbound><base /></outbound></policies>";

    @Test
    void aHealthyServiceHoldsNothing() {
        assertThat(StreamHolders.problems(service("Developer"), api(STREAMING_POLICY), List.of(
                diagnostic(null, 0), diagnostic("azure-openai", 0)))).isEmpty();
    }

    @Test
    void theConsumptionTierIsNamedWithItsFix() {
        assertThat(StreamHolders.problems(service("Consumption"), api(STREAMING_POLICY), List.of()))
                .singleElement().asString()
                .contains("Consumption tier", "no long-running connection", "move it to a classic or v2 tier");
    }

    @Test
    void bodyLoggingCountsWhereItIsInForce() {
        List<String> global = StreamHolders.problems(service("StandardV2"), api(STREAMING_POLICY),
                List.of(diagnostic(null, 4096)));
        List<String> overridden = StreamHolders.problems(service("StandardV2"), api(STREAMING_POLICY),
                List.of(diagnostic(null, 4096), diagnostic("azure-openai", 0)));
        List<String> ownApi = StreamHolders.problems(service("StandardV2"), api(STREAMING_POLICY),
                List.of(diagnostic(null, 0), diagnostic("azure-openai", 1024)));

        assertThat(global).singleElement().asString().contains("diagnostic azuremonitor of all APIs logs response "
                + "bodies (frontend 4096", "set its response body bytes to 0");
        assertThat(overridden).isEmpty();
        assertThat(ownApi).singleElement().asString().contains("of API azure-openai");
    }

    @Test
    void bufferingPoliciesAreNamed() {
        String policy = STREAMING_POLICY.replace("<outbound><base />", "<outbound><base /><validate-content "
                + "unspecified-content-type-action=\"ignore\" max-size=\"1024\" size-exceeded-action=\"ignore\" />"
                + "<cache-store duration=\"60\" />");

        assertThat(StreamHolders.problems(service("Premium"), api(policy), List.of())).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("validate-content", "outbound"))
                .anySatisfy(p -> assertThat(p).contains("response caching"));
    }

    private static ApimService service(String sku) {
        return new ApimService("apim-contoso", "/id", "https://gw", true, "p", sku);
    }

    private static ApiInfo api(String policy) {
        return new ApiInfo("azure-openai", "openai", "https://fd/openai", true, "api-key", "subscription-key", policy,
                List.of());
    }

    private static DiagnosticInfo diagnostic(String api, int responseBytes) {
        return new DiagnosticInfo("azuremonitor", api, "/loggers/azuremonitor", 0, responseBytes, 0, 0);
    }
}
