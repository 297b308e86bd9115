package io.aoaigw.harness.target;

import java.net.URI;
import java.util.Set;

/** Which gateway URLs a target file may name: https anywhere, plain http only on loopback (a local rehearsal). */
final class GatewayUrls {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private GatewayUrls() {
    }

    static boolean acceptable(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
