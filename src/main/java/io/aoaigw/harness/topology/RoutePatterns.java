package io.aoaigw.harness.topology;

import java.util.List;

/**
 * Front Door's route patterns ({@code patternsToMatch}): a pattern ending in {@code *} matches every path that starts
 * with what precedes it ({@code /*}, {@code /openai/*}), any other pattern only its own path.
 */
public final class RoutePatterns {
    private RoutePatterns() {
    }

    public static boolean matches(List<String> patterns, String path) {
        return patterns.stream().anyMatch(p -> p.endsWith("*")
                ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p));
    }

    /**
     * How specifically the patterns match the path: an exact pattern beats every prefix, a longer prefix a shorter
     * one; -1 when none matches (Front Door serves a path through its most specific matching route).
     */
    public static int specificity(List<String> patterns, String path) {
        return patterns.stream().mapToInt(p -> p.endsWith("*")
                ? path.startsWith(p.substring(0, p.length() - 1)) ? p.length() - 1 : -1
                : path.equals(p) ? Integer.MAX_VALUE : -1).max().orElse(-1);
    }
}
