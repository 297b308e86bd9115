package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * {@code set-query-parameter name=".." exists-action="override|skip|append|delete"} with {@code <value>} children, on
 * the request to the backend (inbound).
 */
final class SetQueryParameter implements InboundPolicy {
    private final String name;
    private final ExistsAction existsAction;
    private final List<PolicyExpression> values;

    SetQueryParameter(Attributes attributes, List<PolicyExpression> values) {
        this.name = attributes.required("name");
        this.existsAction = ExistsAction.of(attributes);
        this.values = List.copyOf(values);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        existsAction.apply(ctx.query(), name, values, ctx);
        return Future.succeededFuture(Optional.empty());
    }
}
