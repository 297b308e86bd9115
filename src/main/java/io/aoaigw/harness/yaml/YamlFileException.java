package io.aoaigw.harness.yaml;

import java.nio.file.Path;

/** A YAML file (topology, target, load profile) that cannot be used: names the file, the line (0 when unknown) and the field. */
public class YamlFileException extends Exception {
    private final Path file;
    private final int line;
    private final String field;
    private final String problem;

    public YamlFileException(Path file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(Path file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
