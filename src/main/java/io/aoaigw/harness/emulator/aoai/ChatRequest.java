package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a chat completions request the emulator acts on. Only one choice is generated ({@code n} and sampling
 * parameters are accepted and ignored: the answer is deterministic).
 */
record ChatRequest(JsonNode messages, Integer maxTokens, List<String> stop, boolean stream, boolean includeUsage) {

    /** Parses and validates as the model service does for this api-version. */
    static ChatRequest parse(JsonNode root, String apiVersion) {
        if (root.has("max_completion_tokens") && !ApiVersions.maxCompletionTokens(apiVersion)) {
            throw AzureErrors.unrecognizedArgument("max_completion_tokens").rejection();
        }
        checkFunctionCall(root);
        return parse(root);
    }

    static ChatRequest parse(JsonNode root) {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw AzureErrors.requiredProperty("messages").rejection();
        }
        if (!messages.isArray()) {
            throw ErrorReply.invalidRequest(messages + " is not of type 'array' - 'messages'", "messages", null)
                    .rejection();
        }
        if (messages.isEmpty()) {
            throw ErrorReply.invalidRequest("[] is too short - 'messages'", "messages", null).rejection();
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).path("role").isTextual()) {
                throw ErrorReply.invalidRequest("'role' is a required property - 'messages." + i + "'", "messages",
                        null).rejection();
            }
        }
        Integer maxTokens = RequestBodies.integer(root, "max_completion_tokens", 1);
        if (maxTokens == null) {
            maxTokens = RequestBodies.integer(root, "max_tokens", 1);
        }
        boolean stream = RequestBodies.bool(root, "stream");
        JsonNode options = root.get("stream_options");
        boolean hasOptions = options != null && !options.isNull();
        if (hasOptions && !stream) {
            throw AzureErrors.invalidValue("stream_options",
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.").rejection();
        }
        boolean includeUsage = hasOptions && options.path("include_usage").asBoolean(false);
        return new ChatRequest(messages, maxTokens, stops(root.get("stop")), stream, includeUsage);
    }

    /**
     * The seed of the deterministic answer: the messages' roles, names and texts, so that the same conversation gets
     * the same answer however a client or gateway serialises it (field order, spacing, content as string or parts).
     */
    long seed() {
        StringBuilder canonical = new StringBuilder();
        for (JsonNode message : messages) {
            canonical.append(message.path("role").asText()).append('\u0000')
                    .append(message.path("name").asText("")).append('\u0000')
                    .append(ModelTokenizer.textOf(message.path("content"))).append('\u0001');
        }
        return AnswerPlan.seedOf(canonical.toString());
    }

    /** A {@code function_call} naming a function the request does not define: the model service's 400 (recorded). */
    private static void checkFunctionCall(JsonNode root) {
        JsonNode named = root.path("function_call").path("name");
        if (!named.isTextual()) {
            return;
        }
        for (JsonNode function : root.path("functions")) {
            if (named.asText().equals(function.path("name").asText(null))) {
                return;
            }
        }
        throw ErrorReply.invalidRequest("Invalid value for 'function_call': no function named '" + named.asText()
                + "' was specified in the 'functions' parameter.", "function_call", null).rejection();
    }

    private static List<String> stops(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray() && stop.size() <= 4) {
            List<String> stops = new ArrayList<>();
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    break;
                }
                stops.add(s.asText());
            }
            if (stops.size() == stop.size()) {
                return stops;
            }
        }
        throw AzureErrors.invalidValue("stop", stop + " is not valid under any of the given schemas - 'stop'")
                .rejection();
    }
}
