package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/** Reads request bodies and their common fields, rejecting with the model service's validation errors. */
final class RequestBodies {
    private RequestBodies() {
    }

    static JsonNode object(Buffer body) {
        JsonNode root;
        try {
            root = body.length() == 0 ? null : Json.MAPPER.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            root = null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw AzureErrors.unparsableJson().rejection();
        }
        if (!root.isObject()) {
            throw ErrorReply.invalidRequest(root + " is not of type 'object'", null, null).rejection();
        }
        return root;
    }

    /** An optional integer parameter that must be at least {@code min}; null when absent or null. */
    static Integer integer(JsonNode root, String name, int min) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ErrorReply.invalidRequest(value + " is not of type 'integer' - '" + name + "'", name, null)
                    .rejection();
        }
        if (value.intValue() < min) {
            throw ErrorReply.invalidRequest("Invalid '" + name + "': integer below minimum value. Expected a value >= "
                    + min + ", but got " + value.intValue() + " instead.", name, "integer_below_min_value")
                    .rejection();
        }
        return value.intValue();
    }

    static boolean bool(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ErrorReply.invalidRequest(value + " is not of type 'boolean' - '" + name + "'", name, null)
                    .rejection();
        }
        return value.booleanValue();
    }
}
