package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.ApimRequestRecord.Ending;
import io.aoaigw.harness.emulator.apim.policy.GatewayReply;
import io.aoaigw.harness.emulator.apim.policy.InboundPolicy;
import io.aoaigw.harness.emulator.apim.policy.PolicyContext;
import io.aoaigw.harness.emulator.apim.policy.PolicyDocument;
import io.aoaigw.harness.topology.ApimApi;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's request pipeline: operation match (else 404), subscription check (else 401), inbound policies,
 * backend resolution and forwarding; every request leaves one {@link ApimRequestRecord}. The API's export is ARM's
 * (as in Azure, the gateway serves no spec).
 */
final class GatewayHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

    private final ApimApi api;
    private final OperationCatalog catalog;
    private final SubscriptionGate gate;
    private final PolicyDocument policy;
    private final ServiceUrlResolver resolver;
    private final BackendForwarder forwarder;
    private final GatewayRecorder recorder;
    private final BackendEntities entities;

    GatewayHandler(ApimApi api, OperationCatalog catalog, SubscriptionGate gate, PolicyDocument policy,
                   ServiceUrlResolver resolver, BackendForwarder forwarder, GatewayRecorder recorder,
                   BackendEntities entities) {
        this.api = api;
        this.catalog = catalog;
        this.gate = gate;
        this.policy = policy;
        this.resolver = resolver;
        this.forwarder = forwarder;
        this.recorder = recorder;
        this.entities = entities;
    }

    ApimApi api() {
        return api;
    }

    /** The facts of one request as they become known; turned into a record at the end. */
    private static final class Trace {
        final String at = Instant.now().toString();
        final long started = System.nanoTime();
        String operationId;
        SubscriptionGate.Decision decision;
        String backendUrl;
        boolean bearer;
    }

    @Override
    public void handle(HttpServerRequest req) {
        recorder.received();
        Trace trace = new Trace();
        Optional<String> relative = relativePath(req.path());
        Optional<ApiOperation> operation = relative.flatMap(r -> catalog.match(req.method().name(), r));
        if (operation.isEmpty()) {
            reply(req, trace, GatewayReply.notFound());
            return;
        }
        trace.operationId = operation.get().operationId();
        trace.decision = gate.decide(req.headers(), req.params());
        if (!trace.decision.admitted()) {
            reply(req, trace, trace.decision.rejection());
            return;
        }
        req.body()
                .onSuccess(body -> process(req, trace, relative.get(), body))
                .onFailure(error -> { // the client left while sending its body: one client disconnect
                    LOG.debug("client request body failed: {}", error.toString());
                    finish(req, trace, 0, false, Ending.clientDisconnected);
                });
    }

    private void process(HttpServerRequest req, Trace trace, String relative, Buffer body) {
        PolicyContext ctx = new PolicyContext(trace.operationId, trace.decision.subscription(),
                req.remoteAddress().hostAddress(), forwardableHeaders(req.headers()), body);
        ctx.query().addRaw(req.query());
        inbound(policy.inbound(), 0, ctx)
                .recover(error -> {
                    LOG.warn("APIM policy failed: {}", error.getMessage()); // APIM: expression evaluation failure
                    return Future.succeededFuture(Optional.of(GatewayReply.internalError()));
                })
                .onSuccess(early -> {
                    if (early.isPresent()) {
                        reply(req, trace, early.get());
                    } else {
                        backend(req, trace, relative, ctx);
                    }
                });
    }

    private void backend(HttpServerRequest req, Trace trace, String relative, PolicyContext ctx) {
        if (policy.forward() == null) { // no forward-request: APIM answers from the pipeline alone
            req.response().headers().addAll(ctx.responseHeaders());
            req.response().setStatusCode(200).end();
            finish(req, trace, 200, false, Ending.answered);
            return;
        }
        String base = ctx.backendBaseUrl() != null ? ctx.backendBaseUrl() : api.serviceUrl();
        String entity = null;
        if (ctx.backendId() != null) {
            BackendEntities.Choice choice = entities.choose(ctx.backendId());
            if (choice.rejection() != null) {
                trace.backendUrl = "backend-id:" + ctx.backendId();
                reply(req, trace, choice.rejection());
                return;
            }
            base = choice.url();
            entity = choice.backendId();
        }
        if (base.startsWith(ApimApi.ECHO_SERVICE_URL)) { // the Echo API's backend is answered here, not contacted
            trace.backendUrl = base;
            EchoBackend.answer(req, ctx);
            finish(req, trace, 200, true, Ending.answered);
            return;
        }
        ServiceUrlResolver.Resolution resolution = resolver.resolve(base);
        if (resolution.url() == null) {
            LOG.warn("APIM backend unresolvable: {}", resolution.problem());
            trace.backendUrl = base;
            reply(req, trace, GatewayReply.internalError());
            return;
        }
        String target = stripSlash(resolution.url().toString()) + relative + ctx.query().toQueryString();
        trace.backendUrl = BackendForwarder.withoutQuery(target);
        String authorization = ctx.requestHeaders().get("Authorization");
        trace.bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String member = entity;
        forwarder.forward(req, ctx, target, policy.forward(), policy.outbound())
                .onSuccess(outcome -> {
                    entities.report(member, outcome.status());
                    finish(req, trace, outcome.status(), outcome.answered(), outcome.ending());
                });
    }

    private static Future<Optional<GatewayReply>> inbound(List<InboundPolicy> steps, int i, PolicyContext ctx) {
        if (i == steps.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        Future<Optional<GatewayReply>> step;
        try {
            step = steps.get(i).apply(ctx);
        } catch (RuntimeException e) {
            step = Future.failedFuture(e);
        }
        return step.compose(early -> early.isPresent() ? Future.succeededFuture(early) : inbound(steps, i + 1, ctx));
    }

    /** The path relative to the API suffix ("/deployments/…"), when the request is under the suffix at all. */
    Optional<String> relativePath(String path) {
        String prefix = api.path().isEmpty() ? "" : "/" + api.path();
        if (!path.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(prefix.length()));
    }

    /**
     * The client's headers minus hop-by-hop ones. The subscription key header stays, as the query parameter does:
     * APIM passes both to the backend by default (Microsoft's subscriptions doc), so a deployment that must not leak
     * them removes them by policy ({@code set-header} / {@code set-query-parameter} with exists-action="delete").
     */
    private MultiMap forwardableHeaders(MultiMap incoming) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        incoming.forEach(h -> {
            if (!BackendForwarder.HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        return headers;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private void reply(HttpServerRequest req, Trace trace, GatewayReply reply) {
        reply.writeTo(req.response());
        finish(req, trace, reply.status(), false, Ending.answered);
    }

    private void finish(HttpServerRequest req, Trace trace, int status, boolean forwarded, Ending ending) {
        SubscriptionGate.Decision d = trace.decision;
        recorder.record(new ApimRequestRecord(trace.at, req.method().name(), req.path(), trace.operationId,
                d == null ? null : d.subscription(), d == null ? null : d.product(),
                d == null || d.keySource() == null ? null : d.keySource().name(), status, trace.backendUrl, forwarded,
                trace.bearer, (System.nanoTime() - trace.started) / 1_000_000, ending));
    }
}
