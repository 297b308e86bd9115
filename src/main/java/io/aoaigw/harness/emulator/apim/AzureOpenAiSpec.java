package io.aoaigw.harness.emulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the shipped Azure OpenAI inference OpenAPI documents (resources under {@code openapi/azure-openai/}). */
public final class AzureOpenAiSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AzureOpenAiSpec() {
    }

    /** The spec of that API version, e.g. {@code 2024-10-21}; fails when the version is not shipped. */
    public static JsonNode load(String specVersion) {
        String resource = "/openapi/azure-openai/" + specVersion + "/inference.json";
        try (InputStream in = AzureOpenAiSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no Azure OpenAI inference spec shipped for version '"
                        + specVersion + "' (expected resource " + resource + ")");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
