package io.aoaigw.harness.emulator.identity;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** JSON answers with the headers Entra ID puts on token responses (nothing here may be cached by a proxy). */
final class Replies {
    private Replies() {
    }

    static void json(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store, no-cache")
                .putHeader("Pragma", "no-cache")
                .end(body.encode());
    }
}
