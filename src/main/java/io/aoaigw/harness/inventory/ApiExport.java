package io.aoaigw.harness.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/** The API's OpenAPI document as APIM exports it (S2), and the link ARM gave for it (never logged with its query). */
public record ApiExport(String format, String link, JsonNode document) {
}
