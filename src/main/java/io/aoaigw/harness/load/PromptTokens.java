package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * The size of a replayed prompt: tokens ({@code o200k_base}, the gpt-4o family's encoding) and characters of its
 * message texts and tool definitions. The chat format's few tokens per message are not added: this is the size of
 * what the file's owner wrote, per request class; the accounts' own usage figures count the rest.
 */
final class PromptTokens {
    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private PromptTokens() {
    }

    /** [tokens, characters] of the body's messages (string or text-part content) and tools. */
    static int[] of(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                text.append(content.asText()).append('\n');
            }
            for (JsonNode part : content.isArray() ? content : com.fasterxml.jackson.databind.node.MissingNode
                    .getInstance()) {
                text.append(part.path("text").asText("")).append('\n');
            }
        }
        if (body.has("tools")) {
            text.append(body.get("tools").toString());
        }
        String all = text.toString();
        return new int[] {O200K.countTokensOrdinary(all), all.length()};
    }
}
