package io.aoaigw.harness.target;

import io.aoaigw.harness.host.LoopbackGuard;
import java.net.URI;

/** Which gateway URLs a target file may name: https anywhere, plain http only on loopback (a local rehearsal). */
final class GatewayUrls {
    private GatewayUrls() {
    }

    /**
     * Whether the URL holds what may be a secret: user info ({@code user:pass@host}), a query
     * ({@code ?subscription-key=…}) or a fragment. Checked on the raw text too, as URI parsing of a malformed URL
     * may not split it; the URL is never echoed in messages.
     */
    static boolean carriesSecrets(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            // judged on the text below
        }
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        return authority.contains("@") || url.contains("?") || url.contains("#");
    }

    static boolean acceptable(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && LoopbackGuard.isLoopbackHost(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
