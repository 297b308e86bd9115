package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Deployment;

/** The inference operations the account serves, with Azure's names for them. */
enum Operation {
    CHAT_COMPLETIONS("chat/completions", "ChatCompletions_Create", "chatCompletion", Deployment.Kind.chat),
    EMBEDDINGS("embeddings", "Embeddings_Create", "embeddings", Deployment.Kind.embeddings);

    private final String pathSuffix;
    private final String azureName;
    private final String modelOperation;
    private final Deployment.Kind kind;

    Operation(String pathSuffix, String azureName, String modelOperation, Deployment.Kind kind) {
        this.pathSuffix = pathSuffix;
        this.azureName = azureName;
        this.modelOperation = modelOperation;
        this.kind = kind;
    }

    /** The operation id in Azure's 429 message, e.g. {@code ChatCompletions_Create}. */
    String azureName() {
        return azureName;
    }

    /** The operation as named in OperationNotSupported, e.g. {@code chatCompletion}. */
    String modelOperation() {
        return modelOperation;
    }

    boolean servedBy(Deployment deployment) {
        return deployment.kind() == kind;
    }

    /**
     * Parses {@code /openai/deployments/{id}/chat/completions} or {@code …/embeddings}; null for any other path.
     */
    static Route route(String path) {
        String prefix = "/openai/deployments/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        for (Operation op : values()) {
            String suffix = "/" + op.pathSuffix;
            if (rest.endsWith(suffix)) {
                String id = rest.substring(0, rest.length() - suffix.length());
                return id.isEmpty() || id.contains("/") ? null : new Route(op, id);
            }
        }
        return null;
    }

    record Route(Operation operation, String deploymentId) {
    }
}
