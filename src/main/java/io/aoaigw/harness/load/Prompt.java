package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request of a prompts file: its chat completions body as written, its request class, the line it came from, and
 * its size (prompt tokens by jtokkit, prompt characters). Reports carry the class and sizes, never the text.
 */
public record Prompt(int line, String requestClass, ObjectNode body, int promptTokens, int promptChars) {
}
