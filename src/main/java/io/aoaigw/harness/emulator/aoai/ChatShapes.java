package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.ContentFilter;
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

    /**
     * A choice's filter results: the four categories, and with {@code full} annotations also blocklists, profanity
     * and protected material, in Azure's (alphabetical) order, as recorded.
     */
    static ObjectNode choiceFilterResults(ContentFilter filter) {
        return filter.annotations() == ContentFilter.Annotations.full
                ? annotated(false) : safeContentFilterResults();
    }

    /** {@code prompt_filter_results}: the four categories; {@code full} adds blocklists, jailbreak and profanity. */
    static ArrayNode promptFilterResults(ContentFilter filter) {
        ObjectNode results = filter.annotations() == ContentFilter.Annotations.full
                ? annotated(true) : safeContentFilterResults();
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.addObject().put("prompt_index", 0).set("content_filter_results", results);
        return array;
    }

    private static ObjectNode annotated(boolean prompt) {
        ObjectNode safe = safeContentFilterResults();
        ObjectNode results = Json.MAPPER.createObjectNode();
        results.putArray("custom_blocklists");
        results.set("hate", safe.get("hate"));
        if (prompt) {
            results.putObject("jailbreak").put("filtered", false).put("detected", false);
        }
        results.putObject("profanity").put("filtered", false).put("detected", false);
        if (!prompt) {
            results.putObject("protected_material_code").put("filtered", false).put("detected", false);
            results.putObject("protected_material_text").put("filtered", false).put("detected", false);
        }
        results.set("self_harm", safe.get("self_harm"));
        results.set("sexual", safe.get("sexual"));
        results.set("violence", safe.get("violence"));
        return results;
    }

    static ObjectNode usage(int promptTokens, int completionTokens) {
        return Json.MAPPER.createObjectNode().put("completion_tokens", completionTokens)
                .put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completionTokens);
    }

    /** Usage with the token details newer api-versions add (all zero: no audio, reasoning, cache or prediction). */
    static ObjectNode usage(int promptTokens, int completionTokens, boolean details) {
        if (!details) {
            return usage(promptTokens, completionTokens);
        }
        ObjectNode usage = Json.MAPPER.createObjectNode().put("completion_tokens", completionTokens);
        usage.putObject("completion_tokens_details").put("accepted_prediction_tokens", 0).put("audio_tokens", 0)
                .put("reasoning_tokens", 0).put("rejected_prediction_tokens", 0);
        usage.put("prompt_tokens", promptTokens);
        usage.putObject("prompt_tokens_details").put("audio_tokens", 0).put("cached_tokens", 0);
        return usage.put("total_tokens", promptTokens + completionTokens);
    }

    /** The fields every completion object ends with, after {@code choices}. */
    static void identity(ObjectNode node, long created, String id, String model, String object) {
        node.put("created", created).put("id", id).put("model", model).put("object", object);
    }
}
