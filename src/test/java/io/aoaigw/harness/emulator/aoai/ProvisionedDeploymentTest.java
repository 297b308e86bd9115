package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.load.Attribution;
import io.aoaigw.harness.load.Layer;
import io.aoaigw.harness.load.ResponseLayer;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.LatencyModel;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyException;
import io.aoaigw.harness.topology.TopologyLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A provisioned (PTU) deployment over HTTP: answers carry {@code azure-openai-deployment-utilization}, a full
 * utilisation is a 429 with {@code retry-after-ms} that the load harness attributes to the account as
 * {@code utilization}, and an estimate above the tokens actually generated is given back when the answer ends.
 */
class ProvisionedDeploymentTest {
    private static final LatencyModel INSTANT = new LatencyModel(0, 0, 0);
    private static final String UTILIZATION = "azure-openai-deployment-utilization";

    @Test
    void answersCarryTheUtilisationAndAFullDeploymentAnswers429WithTheWaitBelowAHundredPercent() {
        // 5 PTU of gpt-4o drain 12,500 input tokens a minute (100 % = 2,083); an answer of exactly max_tokens =
        // 1,500 costs about 6,020 (output weighs 4): the first fills the deployment for some 19 s
        Deployment ptu = TestAccounts.gpt4o(null, null, 1_500, 1_500).withProvisioning("ProvisionedManaged", 5);
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(INSTANT, ptu))) {
            String body = RunningAccount.chatBody("Count the sheep.", ",\"max_tokens\":1500");
            HttpResponse<String> admitted = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
            assertThat(admitted.statusCode()).isEqualTo(200);
            assertThat(admitted.headers().firstValue(UTILIZATION).orElseThrow()).matches("2\\d\\d\\.\\d%");
            assertThat(admitted.headers().firstValue("x-ratelimit-remaining-tokens")).isEmpty();

            HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
            assertThat(response.statusCode()).isEqualTo(429);
            double utilisation = Double.parseDouble(response.headers().firstValue(UTILIZATION).orElseThrow()
                    .replace("%", ""));
            assertThat(utilisation).isGreaterThan(100.0);
            long waitMs = Long.parseLong(response.headers().firstValue("retry-after-ms").orElseThrow());
            // the part over 100 % drains in (u - 100) % of the 10 s that 100 % holds
            assertThat((double) waitMs).isCloseTo((utilisation - 100) * 100, org.assertj.core.data.Offset.offset(6.0));
            assertThat(response.headers().firstValue("retry-after")).hasValue(String.valueOf((waitMs + 999) / 1000));
            HttpResponse<String> refused = response;
            Attribution layer = ResponseLayer.of(429,
                    name -> refused.headers().firstValue(name).orElse(null), refused.body());
            assertThat(layer.layer()).isEqualTo(Layer.ACCOUNT);
            assertThat(layer.cause()).isEqualTo("utilization");
            assertThat(account.emulator.counters().throttled()).isEqualTo(1);
        }
    }

    @Test
    void anEstimateAboveTheGeneratedTokensIsGivenBackSoShortAnswersKeepTheDeploymentBelowFull() {
        // estimates of 8,000+ (max_tokens 2,000), but answers of 20-40 tokens: without the correction the fourth
        // request would be refused
        Deployment ptu = TestAccounts.gpt4o(null, null, 20, 40).withProvisioning("GlobalProvisionedManaged", 50);
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(INSTANT, ptu))) {
            String body = RunningAccount.chatBody("Count the sheep.", ",\"max_tokens\":2000");
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Double.parseDouble(response.headers().firstValue(UTILIZATION).orElseThrow()
                        .replace("%", ""))).isLessThan(100.0);
            }
        }
    }

    @Test
    void aProvisionedSkuWithoutPtusIsRefusedNamingTheField() throws Exception {
        assertThatThrownBy(() -> parse("sku: ProvisionedManaged, tpm: 100000"))
                .isInstanceOf(TopologyException.class).hasMessageContaining("deployments[0].ptu")
                .hasMessageContaining("needs ptu > 0");
        assertThatThrownBy(() -> parse("tpm: 100000, ptu: 50"))
                .isInstanceOf(TopologyException.class).hasMessageContaining("only for a provisioned sku");
        Deployment d = parse("sku: DataZoneProvisionedManaged, ptu: 15").accounts().get(0).deployment("gpt-4o")
                .orElseThrow();
        assertThat(d.tpm()).as("what 15 PTU of gpt-4o drain per minute").isEqualTo(37_500);
    }

    private static Topology parse(String fields) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        String original = "kind: chat, tpm: 100000, completion:";
        assertThat(yaml).contains(original);
        return TopologyLoader.parse(Path.of("test.yaml"), yaml.replaceFirst(original, "kind: chat, " + fields
                + ", completion:"));
    }
}
