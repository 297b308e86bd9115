package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;

/**
 * Context windows (prompt plus completion, in tokens) of the chat models, from Microsoft's model pages
 * (learn.microsoft.com/azure/ai-foundry/openai/concepts/models); a deployment's {@code contextWindow} overrides them,
 * and a model missing here gets 128,000.
 */
final class ModelLimits {
    static final int DEFAULT_CONTEXT_WINDOW = 128_000;

    private ModelLimits() {
    }

    static int contextWindow(Deployment deployment) {
        if (deployment.contextWindow() != null) {
            return deployment.contextWindow();
        }
        String model = deployment.model().toLowerCase(java.util.Locale.ROOT);
        String version = deployment.version() == null ? "" : deployment.version().toLowerCase(java.util.Locale.ROOT);
        if (model.startsWith("gpt-4.1")) {
            return 1_047_576;
        }
        if (model.matches("^o\\d.*")) {
            return 200_000;
        }
        if (model.equals("gpt-4-32k")) {
            return 32_768;
        }
        if (model.equals("gpt-4")) {
            return version.equals("0613") || version.equals("0314") ? 8_192 : DEFAULT_CONTEXT_WINDOW;
        }
        if (model.startsWith("gpt-35-turbo")) {
            return model.contains("16k") || version.equals("1106") || version.equals("0125") ? 16_385 : 4_096;
        }
        return DEFAULT_CONTEXT_WINDOW;
    }

    /** 400 context_length_exceeded when the prompt, or the prompt plus {@code max_tokens}, exceeds the window. */
    static void check(Deployment deployment, int promptTokens, Integer maxTokens) {
        int window = contextWindow(deployment);
        if (promptTokens > window) {
            throw AzureErrors.contextLengthExceeded(window, promptTokens, null).rejection();
        }
        if (maxTokens != null && promptTokens + maxTokens > window) {
            throw AzureErrors.contextLengthExceeded(window, promptTokens, maxTokens).rejection();
        }
    }
}
