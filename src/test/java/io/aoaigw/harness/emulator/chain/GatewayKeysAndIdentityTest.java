package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every key path of the gateway, and what the account behind Front Door actually received. */
@ExtendWith(EmbeddedTopologyExtension.class)
class GatewayKeysAndIdentityTest {
    private static final String MISSING = "Access denied due to missing subscription key.";
    private static final String INVALID = "Access denied due to invalid subscription key.";

    @Test
    void accountReceivesApimsBearerTokenAndNeverTheClientKey(EmbeddedTopology embedded) {
        ChainClient client = new ChainClient(embedded);

        ChainClient.Answer answer = client.chat("smoke", 5);

        assertThat(answer.status()).isEqualTo(200);
        String account = embedded.topology().accounts().stream()
                .filter(a -> a.region().equals(answer.region())).findFirst().orElseThrow().name();
        RequestRecord seen = embedded.account(account).groundTruth().find(answer.requestId()).orElseThrow();
        String apimOid = embedded.topology().identity(embedded.topology().apim().identity()).orElseThrow().objectId();
        assertThat(seen.authKind()).isEqualTo(RequestRecord.AuthKind.BEARER);
        assertThat(seen.objectId()).isEqualTo(apimOid);
        assertThat(seen.carriedApiKey()).isFalse();
        assertThat(seen.presentHeaders()).doesNotContain("ocp-apim-subscription-key")
                .contains("x-azure-fdid", "via");
    }

    @Test
    void noKeyIsRefusedWithApimsMissingKeyAnswer(EmbeddedTopology embedded) {
        ChainClient.Answer answer = new ChainClient(embedded).chat(null, null, ChainClient.CHAT_PATH, 5);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("\"statusCode\":401").contains(MISSING);
    }

    @Test
    void wrongKeyIsRefusedWithApimsInvalidKeyAnswer(EmbeddedTopology embedded) {
        ChainClient client = new ChainClient(embedded);

        ChainClient.Answer answer = client.chat(client.keyHeader(), "0123456789abcdef0123456789abcdef",
                ChainClient.CHAT_PATH, 5);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(INVALID);
    }

    @Test
    void suspendedSubscriptionIsRefused(EmbeddedTopology embedded) {
        ChainClient.Answer answer = new ChainClient(embedded).chat("suspended", 5);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(INVALID);
    }

    @Test
    void keyInTheQueryParameterIsAccepted(EmbeddedTopology embedded) {
        ChainClient client = new ChainClient(embedded);
        String query = embedded.topology().apim().api().subscriptionKey().query();

        ChainClient.Answer answer = client.chat(null, null,
                ChainClient.CHAT_PATH + "&" + query + "=" + client.key("load"), 5);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void defaultHeaderNameIsNotAcceptedOnceRenamed(EmbeddedTopology embedded) {
        ChainClient client = new ChainClient(embedded);
        assertThat(client.keyHeader()).isEqualTo("api-key");

        ChainClient.Answer answer = client.chat("Ocp-Apim-Subscription-Key", client.key("smoke"),
                ChainClient.CHAT_PATH, 5);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(MISSING);
    }
}
