package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.Deployment;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON pieces shared by streamed and whole chat answers, in Azure's field order (alphabetical), and the
 * identifiers of an answer.
 */
final class ChatShapes {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ChatShapes() {
    }

    /** {@code chatcmpl-} and 29 random characters, the shape of OpenAI completion ids. */
    static String newCompletionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[29];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
        }
        return "chatcmpl-" + new String(id);
    }

    /**
     * The {@code model} field Azure returns: the model name with a dated version appended
     * ({@code gpt-4o-2024-08-06}), the bare name for other versions ({@code gpt-35-turbo} for {@code 0613}).
     */
    static String responseModel(Deployment deployment) {
        String version = deployment.version();
        return version != null && version.matches("\\d{4}-\\d{2}-\\d{2}")
                ? deployment.model() + "-" + version : deployment.model();
    }

    /** A stable {@code system_fingerprint} per model and version: {@code fp_} and 10 hex digits. */
    static String fingerprint(Deployment deployment) {
        long hash = AnswerPlan.seedOf(deployment.model() + "/" + deployment.version());
        return "fp_" + String.format("%010x", hash & 0xff_ffff_ffffL);
    }

    /** {@code content_filter_results} of an unfiltered completion: four categories, all safe. */
    static ObjectNode safeContentFilterResults() {
        ObjectNode results = Json.MAPPER.createObjectNode();
        for (String category : new String[] {"hate", "self_harm", "sexual", "violence"}) {
            results.putObject(category).put("filtered", false).put("severity", "safe");
        }
        return results;
    }

    /** {@code prompt_filter_results} of an unfiltered prompt: the four categories and jailbreak, not detected. */
    static ArrayNode promptFilterResults() {
        ObjectNode results = safeContentFilterResults();
        ObjectNode sorted = Json.MAPPER.createObjectNode();
        sorted.set("hate", results.get("hate"));
        sorted.putObject("jailbreak").put("filtered", false).put("detected", false);
        sorted.set("self_harm", results.get("self_harm"));
        sorted.set("sexual", results.get("sexual"));
        sorted.set("violence", results.get("violence"));
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.addObject().put("prompt_index", 0).set("content_filter_results", sorted);
        return array;
    }

    static ObjectNode usage(int promptTokens, int completionTokens) {
        return Json.MAPPER.createObjectNode().put("completion_tokens", completionTokens)
                .put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completionTokens);
    }

    /** The fields every completion object ends with, after {@code choices}. */
    static void identity(ObjectNode node, long created, String id, String model, String object) {
        node.put("created", created).put("id", id).put("model", model).put("object", object);
    }
}
