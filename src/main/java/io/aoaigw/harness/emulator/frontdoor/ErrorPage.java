package io.aoaigw.harness.emulator.frontdoor;

import io.vertx.core.http.HttpServerResponse;

/**
 * The answer Front Door generates when no origin answer can be relayed: Azure's generic HTML error page ("Our
 * services aren't available right now", with the request's reference). Azure shows only the reference; the emulator
 * also writes the access log's ErrorInfo into the page, so a test or a person sees why without log access.
 */
final class ErrorPage {
    private ErrorPage() {
    }

    static void send(HttpServerResponse response, ErrorInfo error, String ref) {
        String html = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Our services aren't available right now</title></head>
                <body><h2>Our services aren't available right now</h2>
                <p>We're working to restore all services as soon as possible. Please check back soon.</p>
                <p>ErrorInfo: %s</p>
                <p>%s</p></body></html>
                """.formatted(error.name(), ref);
        response.setStatusCode(error.status())
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("X-Azure-Ref", ref)
                .putHeader("X-Cache", FrontDoorEmulator.X_CACHE)
                .end(html);
    }
}
