package io.aoaigw.harness.inventory;

import java.util.List;

/**
 * The imported API (S2, S3, S5, S7): URL suffix, backend {@code serviceUrl} as ARM holds it, the subscription-key
 * header and query names, the policy document as stored ({@code format=rawxml}) and the operations.
 */
public record ApiInfo(String id, String path, String serviceUrl, boolean subscriptionRequired, String keyHeader,
                      String keyQuery, String policyXml, List<Operation> operations) {

    public ApiInfo {
        operations = List.copyOf(operations);
    }

    /** One operation: the imported spec's operationId, method and URL template relative to the suffix. */
    public record Operation(String id, String method, String urlTemplate) {
    }
}
