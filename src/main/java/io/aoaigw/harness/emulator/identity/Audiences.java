package io.aoaigw.harness.emulator.identity;

/** Resource and audience spellings: Azure treats {@code https://x.azure.com} and {@code https://x.azure.com/} alike. */
final class Audiences {
    static final String DEFAULT_SCOPE_SUFFIX = "/.default";

    private Audiences() {
    }

    /** The audience a token for this resource carries: the resource without trailing slashes. */
    static String normalize(String resource) {
        String r = resource.trim();
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    static boolean isDefaultScope(String scope) {
        return scope.endsWith(DEFAULT_SCOPE_SUFFIX) && scope.length() > DEFAULT_SCOPE_SUFFIX.length();
    }

    static String resourceOfScope(String scope) {
        return normalize(scope.substring(0, scope.length() - DEFAULT_SCOPE_SUFFIX.length()));
    }
}
