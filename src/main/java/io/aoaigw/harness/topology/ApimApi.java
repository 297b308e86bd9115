package io.aoaigw.harness.topology;

import java.util.List;

/**
 * The API imported from the Azure OpenAI inference spec (step S2). {@code path} is the URL suffix (S3: must be
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

    /** Where APIM looks for the subscription key; both names are renamable per API. */
    public record KeyNames(String header, String query) {
        public KeyNames {
            header = Defaults.or(header, "Ocp-Apim-Subscription-Key");
            query = Defaults.or(query, "subscription-key");
        }
    }
}
