package io.aoaigw.harness.emulator.apim;

/**
 * One operation of the API as the gateway exposes it: the spec's {@code operationId}, HTTP method and URL template
 * relative to the API URL suffix (e.g. {@code POST /deployments/{deployment-id}/chat/completions}).
 */
public record ApiOperation(String operationId, String method, String urlTemplate) {
}
