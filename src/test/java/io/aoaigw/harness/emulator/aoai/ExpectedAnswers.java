package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.aoaigw.harness.topology.Deployment;
import java.util.List;

/** What the emulator must answer to a conversation, worked out from the plan's rules and jtokkit directly. */
final class ExpectedAnswers {
    static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectedAnswers() {
    }

    /** The answer to a system + user conversation, with an optional limit and stops. */
    static AnswerPlan plan(Deployment deployment, String system, String user, Integer maxTokens, List<String> stops) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        return AnswerPlan.of(ChatRequest.parse(root).seed(), deployment.completion(), maxTokens, stops);
    }

    /** The usual chat formula, written out: 3 per message, role and content tokens, 3 for the reply. */
    static int promptTokens(String system, String user) {
        return 3 + O200K.countTokens("system") + O200K.countTokens(system)
                + 3 + O200K.countTokens("user") + O200K.countTokens(user) + 3;
    }
}
