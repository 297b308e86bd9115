package io.aoaigw.harness.emulator.arm;

import io.vertx.core.json.JsonObject;

/** What a route answers: a status and a JSON body (a resource, a page, or an error). */
record ArmResult(int status, JsonObject body) {

    static ArmResult ok(JsonObject body) {
        return new ArmResult(200, body);
    }

    static ArmResult of(ArmError error) {
        return new ArmResult(error.status(), error.body());
    }
}
