package io.aoaigw.harness.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a YAML file into a model record and validates it, or fails with one {@link YamlFileException} naming file,
 * line and field: strict binding (unknown fields are errors), then the model's own checks, whose field paths are
 * mapped back to lines.
 */
public final class YamlModelReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A problem found after binding, at a field path such as {@code accounts[1].deployments[0].tpm}. */
    public record Problem(String path, String message) {
    }

    private YamlModelReader() {
    }

    /**
     * Reads a regular file of at most {@link YamlGuard#MAX_CHARS} bytes: a device ({@code /dev/zero}) or a FIFO is
     * refused before it is opened, and a file that grows while being read stops at the cap.
     */
    public static String readFile(Path file) throws YamlFileException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new YamlFileException(file, 0, "", "not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlGuard.MAX_CHARS + 1);
            if (bytes.length > YamlGuard.MAX_CHARS) {
                throw new YamlFileException(file, 0, "", "larger than " + YamlGuard.MAX_CHARS + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new YamlFileException(file, 0, "", "no such file");
        } catch (IOException e) {
            throw new YamlFileException(file, 0, "", "cannot read: " + e.getMessage());
        }
    }

    /** Binds and validates YAML text; {@code origin} only names the source in messages. */
    public static <T> T read(Path origin, String text, Class<T> type, Function<T, List<Problem>> validate)
            throws YamlFileException {
        YamlGuard.check(origin, text);
        T model;
        try {
            model = YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw bindingProblem(origin, text, e);
        }
        if (model == null) {
            throw new YamlFileException(origin, 0, "", "the file is empty");
        }
        List<Problem> problems = validate.apply(model);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new YamlFileException(origin, new YamlLines(text).lineOf(first.path()), first.path(),
                    first.message());
        }
        return model;
    }

    private static YamlFileException bindingProblem(Path origin, String text, JsonProcessingException e) {
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
        return new YamlFileException(origin, line, path, message);
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
