package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.topology.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an embeddings request: inputs (a string, strings, or token arrays), the requested dimensions (only
 * text-embedding-3 models accept them, at most their native size) and the encoding format.
 */
record EmbeddingsRequest(List<String> texts, List<Integer> tokenInputs, int dimensions, boolean base64) {

    static EmbeddingsRequest parse(JsonNode root, Deployment deployment) {
        JsonNode input = root.get("input");
        if (input == null || input.isNull()) {
            throw AzureErrors.requiredProperty("input").rejection();
        }
        List<String> texts = new ArrayList<>();
        List<Integer> tokenInputs = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else if (input.isArray() && !input.isEmpty() && input.get(0).isIntegralNumber()) {
            tokenInputs.add(input.size());
            texts.add(input.toString());
        } else if (input.isArray() && !input.isEmpty()) {
            for (JsonNode item : input) {
                if (item.isTextual()) {
                    texts.add(item.asText());
                    tokenInputs.add(null);
                } else if (item.isArray() && !item.isEmpty()) {
                    texts.add(item.toString());
                    tokenInputs.add(item.size());
                } else {
                    throw invalidInput();
                }
            }
        } else {
            throw invalidInput();
        }
        if (texts.stream().anyMatch(String::isEmpty)) {
            throw invalidInput();
        }
        return new EmbeddingsRequest(texts, tokenInputs, dimensions(root, deployment), base64(root));
    }

    /** Tokens of input {@code i}: the tokenizer's count for text, the array length for token inputs. */
    int tokens(int i, ModelTokenizer tokenizer) {
        Integer given = i < tokenInputs.size() ? tokenInputs.get(i) : null;
        return given != null ? given : tokenizer.count(texts.get(i));
    }

    private static int dimensions(JsonNode root, Deployment deployment) {
        Integer requested = RequestBodies.integer(root, "dimensions", 1);
        if (requested == null) {
            return deployment.dimensions();
        }
        if (!deployment.model().startsWith("text-embedding-3")) {
            throw AzureErrors.invalidValue("dimensions", "This model does not support specifying dimensions.")
                    .rejection();
        }
        if (requested > deployment.dimensions()) {
            throw AzureErrors.invalidValue("dimensions", "Invalid value for 'dimensions' = " + requested
                    + ". Must be less than or equal to " + deployment.dimensions() + ".").rejection();
        }
        return requested;
    }

    private static boolean base64(JsonNode root) {
        String format = root.path("encoding_format").asText("float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw AzureErrors.invalidValue("encoding_format", "'" + format
                    + "' is not one of ['float', 'base64'] - 'encoding_format'").rejection();
        }
        return format.equals("base64");
    }

    private static ErrorReply.Rejected invalidInput() {
        return AzureErrors.invalidValue("input", "'$.input' is invalid. Please check the API reference:"
                + " https://platform.openai.com/docs/api-reference.").rejection();
    }
}
