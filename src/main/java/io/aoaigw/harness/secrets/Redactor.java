package io.aoaigw.harness.secrets;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place that says what a secret is and how it is hidden, for every text bound for a report, an attachment,
 * a summary or the console: the known secret values of a target (its keys), values of environment variables named
 * like secrets, key-carrying headers and query parameters, bearer tokens, JWTs, and long hexadecimal strings (APIM
 * subscription keys and Azure OpenAI api-keys are 32 hex digits). Each becomes {@link #MASK}.
 */
public final class Redactor {
    /** What a secret is replaced with, everywhere. */
    public static final String MASK = "[redacted]";
    private static final int MIN_SECRET_LENGTH = 8;
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL).*");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");
    /** Each pattern's group 1 is kept, the rest masked. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)((?:api-key|ocp-apim-subscription-key|subscription-key|authorization|x-api-key)"
                    + "\"?\\s*[:=]\\s*\"?)(?:bearer\\s+)?[^\\s\",;&']+"),
            Pattern.compile("(?i)((?:[?&]|\\b)(?:sig|code)=)[^&\\s\"']+"),
            // a token, not the word "token" in prose: real ones are long (and JWTs are caught below anyway)
            Pattern.compile("(?i)(bearer\\s+)[\\w.~+/=-]{20,}"),
            Pattern.compile("()" + JWT.pattern()),
            Pattern.compile("()\\b[0-9a-fA-F]{32,}\\b"));

    private final List<String> secrets;

    private Redactor(Stream<String> secrets) {
        this.secrets = secrets.filter(Objects::nonNull).filter(s -> s.length() >= MIN_SECRET_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Known secret values, plus every pattern. */
    public static Redactor of(Collection<String> secrets) {
        return new Redactor(secrets.stream());
    }

    /** Only the patterns: for texts whose target is unknown. */
    public static Redactor patternsOnly() {
        return new Redactor(Stream.empty());
    }

    /** The values of this environment's secret-looking variables (where a target file's keys live), plus patterns. */
    public static Redactor forEnvironment(Map<String, String> env) {
        return new Redactor(env.entrySet().stream().filter(e -> SECRET_NAME.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue));
    }

    /** The text with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return out;
    }

    /** True when the text holds a known secret or a JWT-shaped string (for scans of what was written). */
    public boolean leaks(String text) {
        return secrets.stream().anyMatch(text::contains) || JWT.matcher(text).find();
    }

    public List<String> secrets() {
        return secrets;
    }
}
