package io.aoaigw.harness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.apim.ApimRequestRecord;
import io.aoaigw.harness.inventory.Inventory;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.target.TargetArm;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.Regions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What ARM describes is what the data plane does, because both come from one topology object: the policy ARM returns
 * is the one APIM runs, the serviceUrl ARM returns is where APIM forwards, and the principal ARM names as APIM's
 * identity is the one the accounts see in their bearer tokens.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class OneModelTwoFacesTest {

    @Test
    void armDescribesWhatTheGatewayDoes(EmbeddedTopology embedded) throws Exception {
        Endpoints e = embedded.endpoints();
        Inventory inventory = TargetArm.embedded(e, "the embedded topology", UnaryOperator.identity()).reader()
                .read(InventoryTarget.of(embedded.topology()));

        assertThat(inventory.api().policyXml()).isEqualTo(embedded.topology().apim().api().policy());
        assertThat(inventory.api().path()).isEqualTo("openai");

        String key = e.apim().subscriptions().get(0).primaryKey();
        var gateway = embedded.apim().orElseThrow();
        int before = gateway.recentRequests().size();
        HttpResponse<String> answer = TrustedClients.jdk(embedded.trust()).send(HttpRequest.newBuilder(URI.create(
                        e.apim().gatewayUrl() + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
                .header("api-key", key).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                        + "\"max_tokens\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        // the gateway records a request just after handing the answer over
        Await.until("the gateway's record of the request", Duration.ofSeconds(5),
                () -> gateway.recentRequests().size() > before || before >= 256);
        List<ApimRequestRecord> forwarded = gateway.recentRequests();
        assertThat(forwarded.get(forwarded.size() - 1).backendUrl()).startsWith(inventory.api().serviceUrl());
        assertThat(inventory.api().serviceUrl()).startsWith(e.frontDoor().endpointUrl());

        String region = Regions.key(answer.headers().firstValue("x-ms-region").orElseThrow());
        String account = embedded.topology().accounts().stream().filter(a -> a.region().equals(region))
                .findFirst().orElseThrow().name();
        String requestId = answer.headers().firstValue("x-request-id").orElseThrow();
        assertThat(embedded.account(account).groundTruth().find(requestId).orElseThrow().objectId())
                .isEqualTo(inventory.apim().principalId());
        assertThat(inventory.assignmentsOf(inventory.apim().principalId()))
                .anySatisfy(ra -> assertThat(ra.appliesTo(inventory.account(account).orElseThrow().resourceId()))
                        .isTrue());
        assertThat(embedded.arm().requestLog().methodNotAllowedCount()).isZero();
    }
}
