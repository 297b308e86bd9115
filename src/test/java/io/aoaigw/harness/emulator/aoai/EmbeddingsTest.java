package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Embeddings over raw HTTP: input forms, dimensions, encodings, usage. */
@ExtendWith(DefaultAccountPerClass.class)
class EmbeddingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = RunningAccount.embeddingsPath("text-embedding-3-small");

    @Test
    void arrayInputGetsOneVectorPerItemAndUsageSumsTheirTokens(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(PATH, "{\"input\":[\"alpha beta\",\"gamma\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data")).hasSize(2);
        assertThat(body.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(body.at("/data/0/object").asText()).isEqualTo("embedding");
        var cl100k = com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                .getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE);
        int tokens = cl100k.countTokens("alpha beta") + cl100k.countTokens("gamma");
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(tokens);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(tokens);
        assertThat(body.at("/data/0/embedding")).isNotEqualTo(body.at("/data/1/embedding"));
    }

    @Test
    void base64EncodingCarriesTheSameFloatsAsTheFloatEncoding(RunningAccount account) throws Exception {
        JsonNode floats = JSON.readTree(account.postWithKey(PATH, "{\"input\":\"harbour\"}").body());
        JsonNode base64 = JSON.readTree(account.postWithKey(PATH,
                "{\"input\":\"harbour\",\"encoding_format\":\"base64\"}").body());

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        JsonNode expected = floats.at("/data/0/embedding");
        assertThat(bytes.remaining()).isEqualTo(expected.size() * Float.BYTES);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(bytes.getFloat()).isEqualTo(expected.get(i).floatValue());
        }
    }

    @Test
    void shortenedVectorIsTheRenormalisedPrefixOfTheFullOne(RunningAccount account) throws Exception {
        JsonNode full = JSON.readTree(account.postWithKey(PATH, "{\"input\":\"reef\"}").body()).at("/data/0/embedding");
        JsonNode shortVector = JSON.readTree(account.postWithKey(PATH, "{\"input\":\"reef\",\"dimensions\":8}").body())
                .at("/data/0/embedding");

        assertThat(shortVector).hasSize(8);
        double ratio = shortVector.get(0).asDouble() / full.get(0).asDouble();
        for (int i = 1; i < 8; i++) {
            assertThat(shortVector.get(i).asDouble() / full.get(i).asDouble())
                    .isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-3 * Math.abs(ratio)));
        }
    }

    @Test
    void dimensionsAboveTheModelsSizeAndMissingInputAreBadRequests(RunningAccount account) throws Exception {
        HttpResponse<String> tooLarge = account.postWithKey(PATH, "{\"input\":\"reef\",\"dimensions\":4096}");
        HttpResponse<String> noInput = account.postWithKey(PATH, "{}");

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLarge.body()).at("/error/param").asText()).isEqualTo("dimensions");
        assertThat(noInput.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noInput.body()).at("/error/message").asText())
                .isEqualTo("'input' is a required property");
    }
}
