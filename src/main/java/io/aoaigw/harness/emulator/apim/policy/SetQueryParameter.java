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
    private final String existsAction;
    private final List<PolicyExpression> values;

    SetQueryParameter(Attributes attributes, List<PolicyExpression> values) {
        this.name = attributes.required("name");
        this.existsAction = attributes.optional("exists-action", "override");
        if (!List.of("override", "skip", "append", "delete").contains(existsAction)) {
            throw new IllegalArgumentException("exists-action '" + existsAction + "' is not one of APIM's");
        }
        this.values = List.copyOf(values);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        QueryParameters query = ctx.query();
        switch (existsAction) {
            case "delete" -> query.remove(name);
            case "skip" -> {
                if (!query.contains(name)) {
                    values.forEach(v -> query.add(name, v.evaluate(ctx)));
                }
            }
            case "append" -> values.forEach(v -> query.add(name, v.evaluate(ctx)));
            default -> {
                query.remove(name);
                values.forEach(v -> query.add(name, v.evaluate(ctx)));
            }
        }
        return Future.succeededFuture(Optional.empty());
    }
}
