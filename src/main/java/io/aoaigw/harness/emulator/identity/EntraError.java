package io.aoaigw.harness.emulator.identity;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The token-endpoint errors the emulator answers, with Entra ID's status, OAuth error, AADSTS code and wording.
 * Messages take {@link String#format} arguments.
 */
enum EntraError {
    UNKNOWN_TENANT(400, "invalid_request", 90002, "Tenant '%s' not found. Check to make sure you have the correct "
            + "tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may "
            + "happen if there are no active subscriptions for the tenant."),
    POST_ONLY(400, "invalid_request", 900561, "The endpoint only accepts POST, OPTIONS requests. Received a %s "
            + "request."),
    MISSING_PARAMETER(400, "invalid_request", 900144, "The request body must contain the following parameter: '%s'."),
    UNSUPPORTED_GRANT(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '%s'."),
    UNKNOWN_CLIENT(400, "unauthorized_client", 700016, "Application with identifier '%s' was not found in the "
            + "directory '%s'. This can happen if the application has not been installed by the administrator of the "
            + "tenant or consented to by any user in the tenant. You may have sent your authentication request to the "
            + "wrong tenant."),
    MISSING_SECRET(401, "invalid_client", 7000218, "The request body must contain the following parameter: "
            + "'client_assertion' or 'client_secret'."),
    BAD_SECRET(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the "
            + "request is the client secret value, not the client secret ID, for a secret added to app '%s'."),
    SCOPE_WITHOUT_DEFAULT(400, "invalid_scope", 1002012, "The provided value for scope %s is not valid. Client "
            + "credential flows must have a scope value with /.default suffixed to the resource identifier "
            + "(application ID URI)."),
    SCOPE_WITH_MANY_RESOURCES(400, "invalid_scope", 28000, "Provided value for the input parameter scope is not "
            + "valid because it contains more than one resource. Scope %s is not valid.");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    final int status;
    final String error;
    final int code;
    private final String message;

    EntraError(int status, String error, int code, String message) {
        this.status = status;
        this.error = error;
        this.code = code;
        this.message = message;
    }

    String aadsts() {
        return "AADSTS" + code;
    }

    /**
     * The body Entra ID sends: the description repeats trace id, correlation id and timestamp; the correlation id
     * echoes the client's {@code client-request-id} as Entra does. {@code error_uri} points at the emulator itself.
     */
    JsonObject body(HttpServerRequest request, String authorityHost, Object... args) {
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        String traceId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeader("client-request-id");
        String correlationId = clientRequestId != null ? clientRequestId : UUID.randomUUID().toString();
        String description = aadsts() + ": " + String.format(message, args) + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp;
        return new JsonObject()
                .put("error", error)
                .put("error_description", description)
                .put("error_codes", new JsonArray().add(code))
                .put("timestamp", timestamp)
                .put("trace_id", traceId)
                .put("correlation_id", correlationId)
                .put("error_uri", authorityHost + "/error?code=" + code);
    }
}
