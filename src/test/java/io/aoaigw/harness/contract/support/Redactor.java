package io.aoaigw.harness.contract.support;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces secrets in any text bound for a report, an attachment or the console: every known secret value of the
 * target, JWT-shaped strings (bearer tokens), and values of key-carrying query parameters and headers.
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern KEY_PARAMETER = Pattern.compile(
            "(?i)((?:subscription-key|api-key|ocp-apim-subscription-key|sig|code)=)[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{20,}");

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 8).distinct().toList();
    }

    /** Only the generic patterns: for texts whose target is unknown (the summary listener). */
    public static Redactor patternsOnly() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = JWT.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        return KEY_PARAMETER.matcher(out).replaceAll("$1" + MASK);
    }

    /** True when the text holds a known secret or a JWT-shaped string (for scans). */
    public boolean leaks(String text) {
        return secrets.stream().anyMatch(text::contains) || JWT.matcher(text).find();
    }

    public List<String> secrets() {
        return secrets;
    }
}
