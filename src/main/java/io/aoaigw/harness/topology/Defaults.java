package io.aoaigw.harness.topology;

import java.util.List;

/** Null-to-default helpers for the records' compact constructors (YAML leaves absent fields null). */
final class Defaults {
    private Defaults() {
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
