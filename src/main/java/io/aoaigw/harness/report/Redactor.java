package io.aoaigw.harness.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Blanks secrets out of any text the reports show: the values of environment variables that hold keys, secrets or
 * tokens (the subscription keys a target file names live there), header-style key assignments, bearer tokens, JWTs
 * and long hexadecimal strings (APIM subscription keys and Azure OpenAI api-keys are 32 hex digits).
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "[redacted]";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL).*");
    private static final int MIN_SECRET_LENGTH = 8;
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)((?:api-key|ocp-apim-subscription-key|subscription-key|authorization|x-api-key)"
                    + "\"?\\s*[:=]\\s*\"?)(?:bearer\\s+)?[^\\s\",;]+"),
            Pattern.compile("(?i)(bearer\\s+)[\\w.~+/=-]+"),
            Pattern.compile("()eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*"),
            Pattern.compile("()\\b[0-9a-fA-F]{32,}\\b"));
    private final List<String> literals;

    private Redactor(List<String> literals) {
        this.literals = literals;
    }

    /** A redactor that also blanks the values of this environment's secret-looking variables. */
    public static Redactor forEnvironment(Map<String, String> env) {
        return new Redactor(env.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue)
                .filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : literals) {
            out = out.replace(secret, MASK);
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return out;
    }
}
