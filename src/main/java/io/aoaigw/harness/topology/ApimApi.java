package io.aoaigw.harness.topology;

import java.util.List;

/**
 * An API of the APIM service. {@code apim.api} is the one imported from the Azure OpenAI inference spec (step S2);
 * the others ({@code apim.apis}, the Echo API by default) declare their {@code operations} as {@code METHOD /template}
 * (none: every method and path under the suffix). {@code path} is the URL suffix (S3: must be
 * {@code openai}); {@code serviceUrl} is the backend, where {@code ${frontDoor}} and {@code ${account:NAME}} stand for
 * the emulated endpoints and a literal {@code {endpoint}} is the unresolved placeholder of the import;
 * {@code policy} is the API's policy document as XML text (what APIM executes and ARM returns).
 */
public record ApimApi(String id, String displayName, String path, String serviceUrl, String specVersion,
                      List<String> operations, Boolean subscriptionRequired, KeyNames subscriptionKey,
                      String policy) {

    public ApimApi {
        displayName = Defaults.or(displayName, id);
        specVersion = Defaults.or(specVersion, "2024-10-21");
        operations = Defaults.list(operations);
        subscriptionRequired = Defaults.or(subscriptionRequired, Boolean.TRUE);
        subscriptionKey = Defaults.or(subscriptionKey, new KeyNames(null, null));
    }

    /** The Echo API's backend: never contacted, the gateway answers in its place (it echoes the request). */
    public static final String ECHO_SERVICE_URL = "http://echoapi.cloudapp.net/api";

    /** The Echo API as a new APIM instance carries it: id echo-api, suffix echo, its six operations. */
    public static ApimApi echo() {
        return new ApimApi("echo-api", "Echo API", "echo", ECHO_SERVICE_URL, null,
                List.of("GET /resource", "POST /resource", "PUT /resource", "DELETE /resource", "HEAD /resource",
                        "GET /resource-cached"), true, null,
                "<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound>"
                        + "<on-error><base /></on-error></policies>");
    }

    /** Whether requests to this API's backend are answered by the gateway as the Echo API's backend would. */
    public boolean echoes() {
        return serviceUrl != null && serviceUrl.startsWith(ECHO_SERVICE_URL);
    }

    /** Where APIM looks for the subscription key; both names are renamable per API. */
    public record KeyNames(String header, String query) {
        public KeyNames {
            header = Defaults.or(header, "Ocp-Apim-Subscription-Key");
            query = Defaults.or(query, "subscription-key");
        }
    }
}
