package io.aoaigw.harness.yaml;

import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects the problems a model's validator finds, at field paths that {@link YamlModelReader} maps to lines. */
public final class Problems {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final List<Problem> found = new ArrayList<>();

    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    public void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    /** Records {@code message} at {@code path} unless {@code ok}; returns {@code ok} so checks can be chained. */
    public boolean check(boolean ok, String path, String message) {
        if (!ok) {
            add(path, message);
        }
        return ok;
    }

    public boolean required(String value, String path) {
        return check(value != null && !value.isBlank(), path, "required");
    }

    public void guid(String value, String path) {
        if (required(value, path)) {
            check(isGuid(value), path, "'" + value + "' is not a GUID");
        }
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }
}
