package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.topology.ApimApi;
import java.util.List;

/**
 * The operations an API has after importing its spec (step S2), without running a gateway: what ARM lists under
 * {@code .../apis/{id}/operations}. Same catalog as the gateway's, so both always agree.
 */
public final class ImportedOperations {
    private ImportedOperations() {
    }

    /** Fails when the spec version is not shipped or {@code api.operations} names an operation the spec lacks. */
    public static List<ApiOperation> of(ApimApi api) {
        return OperationCatalog.from(AzureOpenAiSpec.load(api.specVersion()), api.operations()).operations();
    }

    /** The operations an API other than the imported one declares ({@code METHOD /template}; none: wildcards). */
    public static List<ApiOperation> declared(ApimApi api) {
        return OperationCatalog.declared(api.operations()).operations();
    }
}
