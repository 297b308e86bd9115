package io.aoaigw.harness.emulator.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aoaigw.harness.emulator.apim.AzureOpenAiSpec;
import io.aoaigw.harness.emulator.apim.DeclaredApiDocument;
import io.aoaigw.harness.emulator.apim.ImportedOperations;
import io.aoaigw.harness.emulator.apim.OpenApiExporter;
import io.aoaigw.harness.topology.ApimApi;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET …/apis/{apiId}?export=true&format=…} as APIM's REST API documents it (ApiExport_Get, 2024-05-01 examples):
 * {@code {"id", "format", "value": {"link": …}}} for the link formats {@code openapi+json-link} (OpenAPI 3 JSON) and
 * {@code openapi-link} (YAML), both answered with the result format {@code openapi-link} (the 2024-05-01
 * {@code ExportResultFormat} has no other OpenAPI 3 value; the example answers {@code swagger-link} with
 * {@code swagger-link-json}, not with the format asked); the document itself as {@code value} for
 * {@code openapi+json} (unconfirmed shape). The document is {@link OpenApiExporter}'s for the imported API (the spec
 * with the gateway at the API's suffix as server), {@link DeclaredApiDocument}'s for the others.
 */
final class ApiExports {
    static final List<String> FORMATS = List.of("openapi+json-link", "openapi-link", "openapi+json");

    private final ArmView view;
    private final ExportBlobs blobs;

    ApiExports(ArmView view, ExportBlobs blobs) {
        this.view = view;
        this.blobs = blobs;
    }

    /** {@code imported}: the API was imported from the inference spec (apim.api), else declared (apim.apis). */
    ArmResult export(ArmExchange ex, String apiResourceId, ApimApi api, boolean imported) {
        String format = ex.param("format");
        if (format == null || !FORMATS.contains(format)) {
            return ArmResult.of(new ArmError(400, "ValidationError", "Export format '" + format + "' is not "
                    + "supported for API '" + api.id() + "'. The emulated API Management exports " + FORMATS + "."));
        }
        ObjectNode document = document(api, imported);
        if (format.equals("openapi+json")) {
            return ArmResult.ok(new JsonObject().put("id", apiResourceId).put("format", format)
                    .put("value", new JsonObject(document.toString())));
        }
        JsonObject answer = new JsonObject().put("id", apiResourceId).put("format", "openapi-link");
        boolean yaml = format.equals("openapi-link");
        String link = blobs.put(ex.baseUrl(), api.id() + (yaml ? ".yaml" : ".json"),
                yaml ? "application/yaml" : "application/json", yaml ? yaml(document) : document.toPrettyString());
        return ArmResult.ok(answer.put("value", new JsonObject().put("link", link)));
    }

    private ObjectNode document(ApimApi api, boolean imported) {
        String apiUrl = view.apimGatewayUrl() + (api.path().isEmpty() ? "" : "/" + api.path());
        if (!imported) {
            return DeclaredApiDocument.of(api, apiUrl, ImportedOperations.declared(api));
        }
        return OpenApiExporter.export(AzureOpenAiSpec.load(api.specVersion()), apiUrl, ImportedOperations.of(api), api);
    }

    private static String yaml(ObjectNode document) {
        try {
            return new YAMLMapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
