package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.aoaigw.harness.topology.Deployment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code POST /openai/deployments/{id}/embeddings}: deterministic unit vectors (the same text always embeds the same
 * way; a shortened text-embedding-3 vector is the renormalised prefix of the full one, as with the real models),
 * charged by input tokens and answered after the time to first token.
 */
final class EmbeddingsEndpoint {
    private final AccountState state;

    EmbeddingsEndpoint(AccountState state) {
        this.state = state;
    }

    void serve(Exchange ex, Deployment deployment, JsonNode body) {
        EmbeddingsRequest request = EmbeddingsRequest.parse(body, deployment);
        ModelTokenizer tokenizer = state.tokenizer(deployment);
        int tokens = 0;
        for (int i = 0; i < request.texts().size(); i++) {
            tokens += request.tokens(i, tokenizer);
        }
        ex.promptTokens = tokens;
        Map<String, String> remaining = Admission.admit(state, ex, deployment, tokens, 0);
        state.counters().promptTokens(tokens);
        String answer = body(deployment, request, tokens).toString();
        Pacing pacing = new Pacing(state.account().latencyOf(deployment), state.faults().slowMs(), ex.arrivalNanos);
        FrameClock.ofCallingLoop().at(pacing.completeAt(0), () -> {
            if (!ex.finished()) {
                ex.completionTokens = 0;
                ex.sendJson(200, answer, remaining);
            }
        });
        ex.response.closeHandler(v -> ex.finish(Outcome.CLIENT_DISCONNECTED));
    }

    private static ObjectNode body(Deployment deployment, EmbeddingsRequest request, int tokens) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < request.texts().size(); i++) {
            float[] vector = vector(deployment, request.texts().get(i), request.dimensions());
            ObjectNode item = data.addObject();
            if (request.base64()) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
            item.put("index", i).put("object", "embedding");
        }
        root.put("model", deployment.model()).put("object", "list");
        root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return root;
    }

    /** Gaussian components seeded by model and text, truncated to {@code dimensions}, scaled to unit length. */
    static float[] vector(Deployment deployment, String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(AnswerPlan.seedOf(deployment.model() + "\n" + text));
        double[] full = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            full[i] = random.nextGaussian();
            norm += full[i] * full[i];
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            unit[i] = (float) (full[i] / norm);
        }
        return unit;
    }

    /** {@code encoding_format: base64}: little-endian float32 values, base64-encoded. */
    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
