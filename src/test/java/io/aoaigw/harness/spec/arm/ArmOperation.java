package io.aoaigw.harness.spec.arm;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One GET operation of an azure-rest-api-specs excerpt: its path template, the query it is told apart by (an
 * {@code x-ms-paths} key's, e.g. {@code export=true} of ApiExport_Get; else empty), the api-version of its file, and
 * the absolute schema location of each response (a status or {@code default}).
 */
public record ArmOperation(String provider, String apiVersion, String operationId, String template, String query,
                           Pattern pattern, Map<String, String> responses) {

    /** Whether {@code query} (a URL's, without {@code ?}) has every parameter this operation is told apart by. */
    boolean acceptsQuery(String query) {
        String all = "&" + query + "&";
        return java.util.Arrays.stream(this.query.split("&")).allMatch(p -> p.isEmpty() || all.contains("&" + p + "&"));
    }

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
        return template.replaceAll("\\{[^}]+}", "").length() + query.length();
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
