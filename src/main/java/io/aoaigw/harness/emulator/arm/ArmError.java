package io.aoaigw.harness.emulator.arm;

import io.vertx.core.json.JsonObject;

/** An ARM error answer: status and the {@code {"error":{"code","message"}}} body every resource provider uses. */
record ArmError(int status, String code, String message) {
    private static final String NOT_FOUND_HINT = " For more details please go to https://aka.ms/ARMResourceNotFoundFix";

    JsonObject body() {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }

    static ArmError resourceNotFound(String type, String name, String resourceGroup) {
        return new ArmError(404, "ResourceNotFound", "The Resource '" + type + "/" + name
                + "' under resource group '" + resourceGroup + "' was not found." + NOT_FOUND_HINT);
    }

    /** A child resource (an API, an origin, a deployment) that its parent does not have. */
    static ArmError childNotFound(String what, String id) {
        return new ArmError(404, "ResourceNotFound", what + " '" + id + "' was not found.");
    }

    static ArmError resourceGroupNotFound(String resourceGroup) {
        return new ArmError(404, "ResourceGroupNotFound", "Resource group '" + resourceGroup
                + "' could not be found.");
    }

    static ArmError subscriptionNotFound(String subscription) {
        return new ArmError(404, "SubscriptionNotFound", "The subscription '" + subscription
                + "' could not be found.");
    }

    static ArmError noRoute(String path) {
        return new ArmError(404, "InvalidResourceType", "The resource type of '" + path
                + "' could not be found (the emulated ARM serves the inventory's read routes only).");
    }

    static ArmError missingApiVersion() {
        return new ArmError(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");
    }

    static ArmError unsupportedApiVersion(String provider, String apiVersion, String supported) {
        return new ArmError(400, "NoRegisteredProviderFound", "No registered resource provider found for API version '"
                + apiVersion + "' of namespace '" + provider + "'. The supported api-versions are '" + supported + "'.");
    }

    static ArmError badFilter(String filter) {
        return new ArmError(400, "UnsupportedQuery", "The filter '" + filter + "' is not supported. Supported are"
                + " atScope(), principalId eq '{id}' and assignedTo('{id}').");
    }

    /** Azure's wording for a read the caller's roles do not grant. */
    static ArmError authorizationFailed(String clientId, String objectId, String action, String scope) {
        return new ArmError(403, "AuthorizationFailed", "The client '" + (clientId == null ? objectId : clientId)
                + "' with object id '" + objectId + "' does not have authorization to perform action '" + action
                + "' over scope '" + scope + "' or the scope is invalid. If access was recently granted, please "
                + "refresh your credentials.");
    }

    /** ARM's answer once a principal's reads of the hour are spent. */
    static ArmError readsThrottled(String subscription, String objectId, long retryAfterSeconds) {
        return new ArmError(429, "SubscriptionRequestsThrottled", "Number of 'read' requests for subscription '"
                + subscription + "' actor '" + objectId + "' exceeded. Please try again after '" + retryAfterSeconds
                + "' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling");
    }

    /** The emulator is read-only: writes are refused (and counted), never applied. */
    static ArmError methodNotAllowed(String method, String path) {
        return new ArmError(405, "MethodNotAllowed", "The emulated Resource Manager is read-only: " + method + " "
                + path + " is refused.");
    }
}
