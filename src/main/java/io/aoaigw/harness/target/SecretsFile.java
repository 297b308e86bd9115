package io.aoaigw.harness.target;

import io.aoaigw.harness.target.TargetKeys.TargetKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secrets file: {@code VARIABLE=value} lines as a shell would export them ({@code export } allowed), blank lines
 * and {@code #} comments. Anything else is refused by line number — never echoed, as it may hold a key — rather than
 * read the way {@link java.util.Properties} would ({@code KEY value} silently became a variable).
 */
final class SecretsFile {
    /** Largest secrets file read; a few keys take a few hundred bytes. */
    static final int MAX_BYTES = 64 * 1024;
    private static final Pattern LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private SecretsFile() {
    }

    static Map<String, String> read(Path file) {
        List<String> lines = lines(file);
        Map<String, String> secrets = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new TargetKeyException("secrets file " + file + " line " + (i + 1)
                        + ": expected VARIABLE=value (the line is not shown: it may hold a key)");
            }
            secrets.put(m.group(1), m.group(2).strip());
        }
        return secrets;
    }

    private static List<String> lines(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TargetKeyException("cannot read the secrets file " + file + ": not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TargetKeyException("cannot read the secrets file " + file + ": larger than " + MAX_BYTES
                        + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new TargetKeyException("cannot read the secrets file " + file + ": " + e.getMessage());
        }
    }
}
