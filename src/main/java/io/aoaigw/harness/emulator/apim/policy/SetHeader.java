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
    private final ExistsAction existsAction;
    private final List<PolicyExpression> values;

    SetHeader(Attributes attributes, List<PolicyExpression> values) {
        this.name = attributes.required("name");
        this.existsAction = ExistsAction.of(attributes);
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
        existsAction.apply(new ExistsAction.Named() {
            @Override
            public boolean contains(String n) {
                return headers.contains(n);
            }

            @Override
            public void remove(String n) {
                headers.remove(n);
            }

            @Override
            public void add(String n, String value) {
                headers.add(n, value);
            }
        }, name, values, ctx);
    }
}
