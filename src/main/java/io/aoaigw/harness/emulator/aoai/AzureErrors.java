package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.RateLimit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account's error answers, with Azure's bodies (azure-behaviour.md); unconfirmed shapes say so. */
final class AzureErrors {
    static final String COGNITIVE_SERVICES_AUDIENCE = "https://cognitiveservices.azure.com";
    private static final String QUOTA_LINK = "Please go here: https://aka.ms/oai/quotaincrease if you would like to"
            + " further increase the default rate limit.";
    private static final String SUPPORT_LINK = "Please contact Azure support service if you would like to further"
            + " increase the default rate limit.";
    private static final String MODELS_LINK = "You can learn more about which models can be used with each operation"
            + " here: https://go.microsoft.com/fwlink/?linkid=2197993.";

    private AzureErrors() {
    }

    /** Missing api-version, unknown path or method: what Azure answers for a route it does not serve. */
    static ErrorReply resourceNotFound() {
        return ErrorReply.azure(404, "404", "Resource not found");
    }

    static ErrorReply deploymentNotFound() {
        return ErrorReply.azure(404, "DeploymentNotFound", "The API deployment for this resource does not exist. If"
                + " you created the deployment within the last 5 minutes, please wait a moment and try again.");
    }

    static ErrorReply invalidApiKey() {
        return ErrorReply.azure(401, "401", "Access denied due to invalid subscription key or wrong API endpoint."
                + " Make sure to provide a valid key for an active subscription and use a correct regional API"
                + " endpoint for your resource.");
    }

    /**
     * No credential at all, or a bearer token that is missing, malformed, badly signed, expired or for another
     * audience: the platform answers before the account (public reports show this body also for a request without
     * any credential).
     */
    static ErrorReply unauthorizedToken() {
        return ErrorReply.platform(401, "Unauthorized. Access token is missing, invalid, audience is incorrect ("
                + COGNITIVE_SERVICES_AUDIENCE + "), or have expired.");
    }

    /** Valid token, no data-plane role (unconfirmed shape; status from {@link EmulatorSettings}). */
    static ErrorReply permissionDenied(int status) {
        return ErrorReply.azure(status, "PermissionDenied", "Principal does not have access to API/Operation.");
    }

    static ErrorReply operationNotSupported(Operation operation, String model) {
        return ErrorReply.azure(400, "OperationNotSupported", "The " + operation.modelOperation()
                + " operation does not work with the specified model, " + model
                + ". Please choose different model and try again. " + MODELS_LINK);
    }

    /** The 500/503 of an injected fault (or any other status, with the reason as the code). */
    static ErrorReply serverError(int status) {
        return switch (status) {
            case 500 -> ErrorReply.azure(500, "InternalServerError",
                    "The server had an error while processing your request. Sorry about that!");
            case 503 -> ErrorReply.azure(503, "ServiceUnavailable",
                    "The service is temporarily unable to process your request. Please try again later.");
            default -> ErrorReply.azure(status, String.valueOf(status), "The server had an error while processing"
                    + " your request. Sorry about that!");
        };
    }

    /**
     * 429 over a deployment's token or request rate, or an injected throttle: Azure's message names the operation
     * and api-version and advises whole seconds, in the older or the newer wording; the headers carry the wait
     * ({@code retry-after}, and unless switched off the exact {@code retry-after-ms}/{@code x-ms-retry-after-ms}).
     */
    static ErrorReply rateLimited(Operation operation, String apiVersion, RateLimitPolicy policy, long waitMillis,
                                  RateLimit options) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        String what = policy == RateLimitPolicy.TOKENS ? "token rate limit" : "call rate limit";
        boolean newer = options.wording() == RateLimit.Wording.newer;
        String message = "Requests to the " + operation.azureName() + " Operation under Azure OpenAI API version "
                + apiVersion + " have exceeded " + what + " of your current " + (newer ? "AIServices" : "OpenAI")
                + " S0 pricing tier. Please retry after " + seconds + (seconds == 1 ? " second. " : " seconds. ")
                + (newer ? SUPPORT_LINK : QUOTA_LINK);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("retry-after", String.valueOf(seconds));
        if (options.retryAfterMs()) {
            headers.put("retry-after-ms", String.valueOf(waitMillis));
            headers.put("x-ms-retry-after-ms", String.valueOf(waitMillis));
        }
        headers.put("policy-id", policy.policyId());
        headers.put("apim-operation-name", operation.azureName());
        if (policy == RateLimitPolicy.REQUESTS) {
            headers.put("x-ratelimit-reset-requests", String.valueOf(seconds));
        }
        return ErrorReply.azure(429, "429", message).withHeaders(headers);
    }

    /**
     * 429 of a provisioned deployment whose utilisation is full: {@code retry-after-ms} (and whole-second
     * {@code retry-after}) until it is below 100 %, as Microsoft's provisioned-throughput page says, and the
     * utilisation header. The message's wording is unconfirmed; no {@code policy-id} (none is documented).
     */
    static ErrorReply utilizationFull(Operation operation, String apiVersion, long waitMillis, String utilization) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        String message = "Requests to the " + operation.azureName() + " Operation under Azure OpenAI API version "
                + apiVersion + " have exceeded the provisioned throughput of this deployment (utilization "
                + utilization + "). Please retry after " + seconds + (seconds == 1 ? " second." : " seconds.");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("retry-after", String.valueOf(seconds));
        headers.put("retry-after-ms", String.valueOf(waitMillis));
        headers.put(ProvisionedAdmission.UTILIZATION_HEADER, utilization);
        return ErrorReply.azure(429, "429", message).withHeaders(headers);
    }

    /** An api-version the account does not serve (the body reported from live answers; unconfirmed). */
    static ErrorReply apiVersionNotSupported() {
        return ErrorReply.azure(400, "BadRequest", "API version not supported");
    }

    /** A request argument the api-version does not know, as the model service answers it (recorded). */
    static ErrorReply unrecognizedArgument(String argument) {
        return ErrorReply.invalidRequest("Unrecognized request argument supplied: " + argument, null, null);
    }

    /** Prompt (and the requested completion) over the model's context window: OpenAI's two wordings. */
    static ErrorReply contextLengthExceeded(int window, int promptTokens, Integer maxTokens) {
        String message = maxTokens == null
                ? "This model's maximum context length is " + window + " tokens. However, your messages resulted in "
                        + promptTokens + " tokens. Please reduce the length of the messages."
                : "This model's maximum context length is " + window + " tokens. However, you requested "
                        + (promptTokens + maxTokens) + " tokens (" + promptTokens + " in the messages, " + maxTokens
                        + " in the completion). Please reduce the length of the messages or completion.";
        return ErrorReply.invalidRequest(message, "messages", "context_length_exceeded");
    }

    static ErrorReply unparsableJson() {
        return ErrorReply.invalidRequest("We could not parse the JSON body of your request. (HINT: This likely means"
                + " you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was"
                + " sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us"
                + " through our help center at help.openai.com.)", null, null);
    }

    static ErrorReply requiredProperty(String property) {
        return ErrorReply.invalidRequest("'" + property + "' is a required property", null, null);
    }

    static ErrorReply invalidValue(String param, String message) {
        return ErrorReply.invalidRequest(message, param, "invalid_value");
    }
}
