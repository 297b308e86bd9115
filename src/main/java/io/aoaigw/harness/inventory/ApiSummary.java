package io.aoaigw.harness.inventory;

/**
 * One API of the APIM service as ARM lists it (S3, S7): id, display name, URL suffix, backend {@code serviceUrl}
 * and whether it requires a subscription. The imported API's details are {@link ApiInfo}.
 */
public record ApiSummary(String id, String displayName, String path, String serviceUrl,
                         boolean subscriptionRequired) {
}
