package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way the deployed model does: {@code o200k_base} for the gpt-4o / o-series / gpt-4.1+ families,
 * {@code cl100k_base} for gpt-4, gpt-35-turbo and the embedding models.
 */
final class ModelTokenizer {
    /** Per-message overhead of the chat format ({@code <|start|>role ... <|end|>}) and the reply priming. */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;
    private static final int REPLY_PRIMING = 3;

    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }

    private final Encoding encoding;

    private ModelTokenizer(Encoding encoding) {
        this.encoding = encoding;
    }

    static ModelTokenizer forModel(String model) {
        return new ModelTokenizer(Registry.INSTANCE.getEncoding(encodingTypeOf(model)));
    }

    static EncodingType encodingTypeOf(String model) {
        String m = model == null ? "" : model.toLowerCase();
        boolean o200k = m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-4.5")
                || m.startsWith("gpt-5") || m.matches("^o\\d.*");
        return o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
    }

    Encoding encoding() {
        return encoding;
    }

    int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** The usual chat formula: 3 per message + role + content (+1 and the name when named), + 3 for the reply. */
    int chatPromptTokens(JsonNode messages) {
        int total = REPLY_PRIMING;
        for (JsonNode message : messages) {
            total += TOKENS_PER_MESSAGE + count(message.path("role").asText(""))
                    + count(textOf(message.path("content")));
            if (message.hasNonNull("name")) {
                total += TOKENS_PER_NAME + count(message.get("name").asText());
            }
        }
        return total;
    }

    /** The text of a message's content: a string, or the concatenated text parts of a content array. */
    static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }
}
