package io.aoaigw.harness.emulator.apim.policy;

import java.util.List;
import java.util.Locale;

/** APIM's {@code exists-action} of {@code set-header} and {@code set-query-parameter}, on any named collection. */
enum ExistsAction {
    OVERRIDE, SKIP, APPEND, DELETE;

    /** What a policy sets: headers or query parameters. */
    interface Named {
        boolean contains(String name);

        void remove(String name);

        void add(String name, String value);
    }

    static ExistsAction of(Attributes attributes) {
        String value = attributes.optional("exists-action", "override");
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exists-action '" + value + "' is not one of APIM's");
        }
    }

    void apply(Named target, String name, List<PolicyExpression> values, PolicyContext ctx) {
        switch (this) {
            case DELETE -> target.remove(name);
            case SKIP -> {
                if (!target.contains(name)) {
                    values.forEach(v -> target.add(name, v.evaluate(ctx)));
                }
            }
            case APPEND -> values.forEach(v -> target.add(name, v.evaluate(ctx)));
            case OVERRIDE -> {
                target.remove(name);
                values.forEach(v -> target.add(name, v.evaluate(ctx)));
            }
        }
    }
}
