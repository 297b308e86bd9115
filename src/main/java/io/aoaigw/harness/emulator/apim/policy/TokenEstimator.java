package io.aoaigw.harness.emulator.apim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Estimates tokens the way a gateway can before the model answers: o200k_base (the gpt-4o family's encoding) over
 * the prompt, with the OpenAI cookbook's chat overhead (3 tokens per message, 1 per name, 3 to prime the reply).
 * Chat {@code messages}, completions {@code prompt} and embeddings {@code input} are understood.
 */
public final class TokenEstimator {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenEstimator() {
    }

    public static int textTokens(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokens(text);
    }

    public static int promptTokens(JsonNode request) {
        if (request.has("messages")) {
            int tokens = 3;
            for (JsonNode message : request.path("messages")) {
                tokens += 3 + textTokens(message.path("role").asText("")) + contentTokens(message.path("content"));
                tokens += message.has("name") ? 1 + textTokens(message.path("name").asText()) : 0;
            }
            return tokens;
        }
        return contentTokens(request.has("prompt") ? request.path("prompt") : request.path("input"));
    }

    /** A string, an array of strings, or an array of content parts with {@code text}. */
    private static int contentTokens(JsonNode content) {
        if (content.isTextual()) {
            return textTokens(content.asText());
        }
        int tokens = 0;
        for (JsonNode part : content) {
            tokens += part.isTextual() ? textTokens(part.asText()) : textTokens(part.path("text").asText(""));
        }
        return tokens;
    }
}
