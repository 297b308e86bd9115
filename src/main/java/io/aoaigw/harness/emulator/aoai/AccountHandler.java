package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.topology.Deployment;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The account's request pipeline, in the order Azure applies its checks:
 * <ol>
 *   <li>GET/HEAD outside {@code /openai/}: a health probe, without authentication: 200 with no body on
 *       {@link #HEALTH_PATH}, 404 Resource not found on any other path (unconfirmed: Azure documents no health path;
 *       {@code /status-0123456789abcdef} is the one Front Door setups use), so a probe path that never answers 200
 *       leaves every origin unhealthy;</li>
 *   <li>a path/method that is not an inference operation, or no {@code api-version}: 404 Resource not found;</li>
 *   <li>authentication and the role check (401, or the PermissionDenied status);</li>
 *   <li>the api-version: 400 "API version not supported" outside {@link ApiVersions#ACCEPTED} (unconfirmed
 *       order: the platform may check it before authentication);</li>
 *   <li>the deployment: 404 DeploymentNotFound;</li>
 *   <li>injected faults: an error status, then a throttle (they hit only requests that would otherwise be served,
 *       so gateways see them where real backend trouble appears); probes are only affected by {@code down};</li>
 *   <li>operation against the deployment's kind: 400 OperationNotSupported;</li>
 *   <li>the body: 400 validation errors; then rate limits (429) and the answer.</li>
 * </ol>
 */
final class AccountHandler implements Handler<HttpServerRequest> {
    /** The only path outside the API that answers 200 (to GET and HEAD). */
    static final String HEALTH_PATH = "/status-0123456789abcdef";

    private final AccountState state;
    private final Authenticator authenticator;
    private final ChatEndpoint chat;
    private final EmbeddingsEndpoint embeddings;

    AccountHandler(AccountState state, AccessTokenValidator validator) {
        this.state = state;
        this.authenticator = new Authenticator(state, validator);
        this.chat = new ChatEndpoint(state);
        this.embeddings = new EmbeddingsEndpoint(state);
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (!request.path().startsWith("/openai/") && isProbeMethod(request.method())) {
            probe(request);
            return;
        }
        Exchange ex = new Exchange(request, state);
        ex.route = Operation.route(request.path());
        ex.apiVersion = request.getParam("api-version");
        state.counters().request(ex.route == null ? null : ex.route.deploymentId());
        if (ex.route == null || request.method() != HttpMethod.POST || ex.apiVersion == null
                || ex.apiVersion.isBlank()) {
            ex.sendError(AzureErrors.resourceNotFound());
            return;
        }
        // watched from arrival, not from when the answer starts: authentication and the tokenizer's first load are
        // asynchronous, and a client leaving meanwhile must still end the exchange (the answer replaces this handler)
        request.response().closeHandler(v -> ex.finish(Outcome.CLIENT_DISCONNECTED));
        Future<Buffer> body = request.body();
        authenticator.authenticate(ex)
                .map(v -> admissible(ex))
                .compose(deployment -> state.tokenizerLoading().ready().compose(v -> body).map(buffer -> {
                    serve(ex, deployment, buffer);
                    return null;
                }))
                .onFailure(failure -> fail(ex, failure));
    }

    private Deployment admissible(Exchange ex) {
        if (!ApiVersions.accepted(ex.apiVersion)) {
            throw AzureErrors.apiVersionNotSupported().rejection();
        }
        Deployment deployment = state.account().deployment(ex.route.deploymentId())
                .orElseThrow(() -> AzureErrors.deploymentNotFound().rejection());
        int errorStatus = state.faults().takeError();
        if (errorStatus > 0) {
            throw AzureErrors.serverError(errorStatus).rejection();
        }
        int throttleMs = state.faults().takeThrottle();
        if (throttleMs >= 0) {
            throw AzureErrors.rateLimited(ex.route.operation(), ex.apiVersion, RateLimitPolicy.TOKENS,
                    Math.max(1, throttleMs), deployment.rateLimit()).rejection();
        }
        if (!ex.route.operation().servedBy(deployment)) {
            throw AzureErrors.operationNotSupported(ex.route.operation(), deployment.model()).rejection();
        }
        return deployment;
    }

    private void serve(Exchange ex, Deployment deployment, Buffer buffer) {
        if (ex.finished() || ex.response.closed()) {
            ex.finish(Outcome.CLIENT_DISCONNECTED); // left during authentication or the tokenizer load: no answer starts
            return;
        }
        var json = RequestBodies.object(buffer);
        if (ex.route.operation() == Operation.CHAT_COMPLETIONS) {
            chat.serve(ex, deployment, json);
        } else {
            embeddings.serve(ex, deployment, json);
        }
    }

    private void fail(Exchange ex, Throwable failure) {
        if (ex.finished()) {
            return;
        }
        if (failure instanceof ErrorReply.Rejected rejected) {
            ex.sendError(rejected.reply());
        } else if (ex.response.closed()) {
            ex.finish(Outcome.CLIENT_DISCONNECTED);
        } else {
            ex.sendError(AzureErrors.serverError(500));
        }
    }

    private void probe(HttpServerRequest request) {
        state.counters().probe();
        Exchange.commonHeaders(request, state.account().region(), RequestIds.next());
        if (request.path().equals(HEALTH_PATH)) {
            request.response().setStatusCode(200).end();
            return;
        }
        ErrorReply notFound = AzureErrors.resourceNotFound();
        request.response().setStatusCode(notFound.status()).putHeader("Content-Type", "application/json");
        if (request.method() == HttpMethod.HEAD) {
            request.response().end();
        } else {
            request.response().end(notFound.body());
        }
    }

    private static boolean isProbeMethod(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
