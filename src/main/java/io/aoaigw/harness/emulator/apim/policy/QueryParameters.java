package io.aoaigw.harness.emulator.apim.policy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The query string the gateway will send to the backend, as policies change it ({@code set-query-parameter}). Parts
 * the client sent are kept as sent (their encoding untouched); names compare decoded.
 */
public final class QueryParameters implements ExistsAction.Named {
    private record Part(String name, String raw) {
    }

    private final List<Part> parts = new ArrayList<>();

    /** Appends the parts of a raw query string (without '?'; null or empty adds nothing). */
    public void addRaw(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String raw : query.split("&")) {
            if (!raw.isEmpty()) {
                int eq = raw.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? raw : raw.substring(0, eq), StandardCharsets.UTF_8);
                parts.add(new Part(name, raw));
            }
        }
    }

    @Override
    public boolean contains(String name) {
        return parts.stream().anyMatch(p -> p.name().equals(name));
    }

    @Override
    public void remove(String name) {
        parts.removeIf(p -> p.name().equals(name));
    }

    @Override
    public void add(String name, String value) {
        parts.add(new Part(name, URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }

    /** "?a=1&b=2", or "" when nothing is left. */
    public String toQueryString() {
        return parts.isEmpty() ? "" : parts.stream().map(Part::raw).collect(Collectors.joining("&", "?", ""));
    }
}
