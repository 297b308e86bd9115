package io.aoaigw.harness.spec.arm;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One GET operation of an azure-rest-api-specs excerpt: its path template, the api-version of its file, and the
 * absolute schema location of each response (a status or {@code default}).
 */
public record ArmOperation(String provider, String apiVersion, String operationId, String template, Pattern pattern,
                           Map<String, String> responses) {

    /** A template's parameters that may span several segments (a scope or a resource id). */
    static boolean isScopeParameter(String name) {
        return name.equals("{scope}") || name.equals("{resourceUri}") || name.equals("{resourceId}");
    }

    /** The template with its parameters as {@code {}} and in lower case, to compare templates of several files. */
    public String shape() {
        return template.replaceAll("\\{[^}]+}", "{}").toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the template starts with a parameter spanning segments: it extends any resource (role assignments). */
    public boolean extendsAnyScope() {
        int end = template.indexOf('}');
        return template.startsWith("/{") && isScopeParameter(template.substring(1, end + 1));
    }

    /** How many literal characters the template has: the most specific of several matching operations wins. */
    int specificity() {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (isScopeParameter(segment)) {
                regex.append("(/.+)?"); // a scope may be the tenant root ("") or any resource id
            } else if (segment.startsWith("{")) {
                regex.append("/[^/]+");
            } else {
                regex.append('/').append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
