package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.PolicyContext;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;

/**
 * The Echo API's backend (echoapi.cloudapp.net), answered by the gateway itself since the emulator never leaves
 * loopback: 200 with the request's headers and body sent back, as Microsoft's troubleshooting article describes it
 * ("the backend API always echoes whatever you send as a request body in addition to headers"); HEAD gets no body.
 */
final class EchoBackend {
    private EchoBackend() {
    }

    static void answer(HttpServerRequest req, PolicyContext ctx) {
        HttpServerResponse out = req.response().setStatusCode(200);
        ctx.requestHeaders().forEach(h -> {
            if (!BackendForwarder.HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        ctx.responseHeaders().names().forEach(name -> out.headers().set(name, ctx.responseHeaders().getAll(name)));
        if ("HEAD".equals(req.method().name())) {
            out.end();
        } else {
            out.end(ctx.requestBody());
        }
    }
}
