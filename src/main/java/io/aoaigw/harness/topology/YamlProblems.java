package io.aoaigw.harness.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Turns problems of any YAML file the harness reads (topologies, load profiles) into one {@code FILE:LINE: field:
 * problem} message, so every input file reports errors the same way.
 */
public final class YamlProblems {
    private YamlProblems() {
    }

    /** 1-based line of a field path such as {@code accounts[1].tpm} in the YAML text; 0 when unknown. */
    public static int lineOf(String yamlText, String path) {
        return new YamlLines(yamlText).lineOf(path);
    }

    /** A Jackson binding failure as one precise problem (unknown field, wrong type, bad YAML). */
    public static TopologyException binding(Path origin, String text, JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        // records bind through buffered creators, so Jackson's location may be the object's end: prefer the path's
        JsonLocation location = e.getLocation();
        int line = path.isEmpty() ? 0 : new YamlLines(text).lineOf(path);
        if (line == 0 && location != null) {
            line = location.getLineNr();
        }
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "' (known: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")";
        } else if (e instanceof InvalidFormatException f) {
            message = "'" + f.getValue() + "' is not a valid " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            message = "expected " + describe(mi.getTargetType()) + " here";
        } else if (e instanceof JsonMappingException) {
            message = firstLine(e.getOriginalMessage());
        } else {
            message = "not valid YAML: " + firstLine(e.getOriginalMessage());
        }
        return new TopologyException(origin, line, path, message);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class) {
            return "a single " + (type == String.class ? "text" : type.getSimpleName().toLowerCase()) + " value";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
