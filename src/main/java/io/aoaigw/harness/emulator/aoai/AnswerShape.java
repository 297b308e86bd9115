package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.topology.ContentFilter;

/** What a chat answer's JSON depends on besides its text: the request's api-version and the deployment's filter. */
record AnswerShape(String apiVersion, ContentFilter filter) {

    boolean refusal() {
        return ApiVersions.refusal(apiVersion);
    }

    ObjectNode usage(int promptTokens, int completionTokens) {
        return ChatShapes.usage(promptTokens, completionTokens, ApiVersions.usageDetails(apiVersion));
    }

    ArrayNode promptFilterResults() {
        return ChatShapes.promptFilterResults(filter);
    }

    ObjectNode choiceFilterResults() {
        return ChatShapes.choiceFilterResults(filter);
    }
}
