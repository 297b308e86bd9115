package io.aoaigw.harness.emulator.identity;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Supplier;

/** Answers a refused request in the dialect of the endpoint that refuses it, and counts the refusal. */
final class Refusals {
    private final TokenIssueLog log;
    private final Supplier<String> authorityHost;

    Refusals(TokenIssueLog log, Supplier<String> authorityHost) {
        this.log = log;
        this.authorityHost = authorityHost;
    }

    /** An Entra ID token-endpoint error, counted under its AADSTS code. */
    void entra(HttpServerRequest request, EntraError error, Object... args) {
        log.refused(error.aadsts());
        Replies.json(request.response(), error.status, error.body(request, authorityHost.get(), args));
    }

    /** An App Service managed-identity endpoint error ({@code statusCode}, {@code message}), counted as msi.STATUS. */
    void appService(HttpServerRequest request, int status, String message) {
        log.refused("msi." + status);
        Replies.json(request.response(), status, new JsonObject()
                .put("statusCode", status)
                .put("message", message)
                .put("correlationId", UUID.randomUUID().toString()));
    }
}
