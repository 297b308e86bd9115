package io.aoaigw.harness.contract.support;

import java.net.URI;
import java.util.Locale;

/** Comparisons the checks make between URLs and regions as ARM and the data plane spell them. */
public final class Urls {
    private Urls() {
    }

    /** "host:port" in lower case, with the scheme's default port made explicit; null for an unparsable URL. */
    public static String authority(String url) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
