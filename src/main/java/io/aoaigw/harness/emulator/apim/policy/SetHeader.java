package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code set-header name=".." exists-action="override|skip|append|delete"} with {@code <value>} children: on the
 * request to the backend in {@code inbound}, on the client's answer in {@code outbound}.
 */
final class SetHeader implements InboundPolicy, OutboundPolicy {
    private final String name;
    private final String existsAction;
    private final List<PolicyExpression> values;

    SetHeader(Attributes attributes, List<PolicyExpression> values) {
        this.name = attributes.required("name");
        this.existsAction = attributes.optional("exists-action", "override");
        if (!List.of("override", "skip", "append", "delete").contains(existsAction)) {
            throw new IllegalArgumentException("exists-action '" + existsAction + "' is not one of APIM's");
        }
        this.values = List.copyOf(values);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        setOn(ctx.requestHeaders(), ctx);
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public void apply(PolicyContext ctx, MultiMap clientResponseHeaders) {
        setOn(clientResponseHeaders, ctx);
    }

    private void setOn(MultiMap headers, PolicyContext ctx) {
        switch (existsAction) {
            case "delete" -> headers.remove(name);
            case "skip" -> {
                if (!headers.contains(name)) {
                    values.forEach(v -> headers.add(name, v.evaluate(ctx)));
                }
            }
            case "append" -> values.forEach(v -> headers.add(name, v.evaluate(ctx)));
            default -> {
                headers.remove(name);
                values.forEach(v -> headers.add(name, v.evaluate(ctx)));
            }
        }
    }
}
