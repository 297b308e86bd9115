package io.aoaigw.harness.emulator.apim.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few APIM policy expressions the emulator evaluates literally: plain text, or {@code @( … )} made of string
 * literals joined by {@code +} and the terms {@code context.Subscription.Id}, {@code context.Subscription.Name},
 * {@code context.Request.IpAddress}, {@code context.Operation.Id} and {@code context.Variables["name"]} (with or
 * without a {@code (string)} cast). Anything else is refused when the policy is parsed, so that it is reported rather
 * than silently mis-evaluated. A term without a value (no subscription on an open product) fails like APIM's
 * null-reference evaluation failure.
 */
public final class PolicyExpression {
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern VARIABLE = Pattern.compile("(?:\\(string\\))?context\\.Variables\\[\"([^\"]+)\"]");

    /** Raised when an expression cannot be evaluated for this request (APIM answers 500). */
    public static final class EvaluationException extends RuntimeException {
        EvaluationException(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final List<Function<PolicyContext, String>> terms;

    private PolicyExpression(String text, List<Function<PolicyContext, String>> terms) {
        this.text = text;
        this.terms = terms;
    }

    /** @throws IllegalArgumentException for an expression outside the supported forms */
    public static PolicyExpression parse(String text) {
        String t = text.trim();
        if (!t.startsWith("@")) {
            return new PolicyExpression(text, List.of(ctx -> text));
        }
        if (!t.startsWith("@(") || !t.endsWith(")")) {
            throw new IllegalArgumentException("unsupported policy expression: " + text);
        }
        List<Function<PolicyContext, String>> terms = new ArrayList<>();
        for (String part : splitOnPlus(t.substring(2, t.length() - 1))) {
            terms.add(term(part.trim(), text));
        }
        return new PolicyExpression(text, List.copyOf(terms));
    }

    public String evaluate(PolicyContext ctx) {
        StringBuilder out = new StringBuilder();
        for (Function<PolicyContext, String> term : terms) {
            String value = term.apply(ctx);
            if (value == null) {
                throw new EvaluationException("expression " + text + " has no value for this request");
            }
            out.append(value);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    private static Function<PolicyContext, String> term(String part, String whole) {
        Matcher string = STRING.matcher(part);
        if (string.matches()) {
            String literal = string.group(1).replaceAll("\\\\(.)", "$1");
            return ctx -> literal;
        }
        Matcher variable = VARIABLE.matcher(part);
        if (variable.matches()) {
            String name = variable.group(1);
            return ctx -> ctx.variables().containsKey(name) ? String.valueOf(ctx.variables().get(name)) : null;
        }
        return switch (part) {
            case "context.Subscription.Id", "context.Subscription.Name" -> PolicyContext::subscriptionId;
            case "context.Request.IpAddress" -> PolicyContext::clientIp;
            case "context.Operation.Id" -> PolicyContext::operationId;
            default -> throw new IllegalArgumentException("unsupported policy expression: " + whole);
        };
    }

    /** Splits on '+' outside string literals. */
    private static List<String> splitOnPlus(String body) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (c == '+' && !inString) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
