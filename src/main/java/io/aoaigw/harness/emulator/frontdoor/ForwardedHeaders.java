package io.aoaigw.harness.emulator.frontdoor;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header rules of Front Door (learn.microsoft.com, "Protocol support for HTTP headers in Azure Front Door"):
 * client headers pass to the origin except hop-by-hop ones and the reserved {@code X-FD-*}; Front Door adds
 * {@code Via}, {@code X-Azure-ClientIP}, {@code X-Azure-SocketIP}, {@code X-Azure-Ref}, {@code X-Azure-RequestChain},
 * {@code X-Azure-FDID} and the {@code X-Forwarded-*} trio. Origin response headers pass back except hop-by-hop ones.
 */
final class ForwardedHeaders {
    /** RFC 9110 §7.6.1 connection-specific headers, plus those Vert.x recomputes (Host, Content-Length). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> RECOMPUTED = Set.of("host", "content-length");

    private ForwardedHeaders() {
    }

    /** What the origin receives. */
    static MultiMap toOrigin(HttpServerRequest request, String ref, String frontDoorId) {
        MultiMap in = request.headers();
        Set<String> dropped = dropped(in);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        in.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!dropped.contains(lower) && !RECOMPUTED.contains(lower) && !lower.startsWith("x-fd-")) {
                out.add(name, value);
            }
        });
        String socketIp = request.remoteAddress().hostAddress();
        String priorXff = in.get("X-Forwarded-For");
        // a client behind a proxy is known by the first X-Forwarded-For entry, otherwise by its socket
        String clientIp = priorXff == null ? socketIp : priorXff.split(",")[0].trim();
        out.set("Via", append(in.get("Via"), via(request.version()) + " Azure"));
        out.set("X-Azure-ClientIP", clientIp);
        out.set("X-Azure-SocketIP", socketIp);
        out.set("X-Azure-Ref", ref);
        out.set("X-Azure-RequestChain", "hops=" + (hops(in.get("X-Azure-RequestChain")) + 1));
        out.set("X-Azure-FDID", frontDoorId);
        out.set("X-Forwarded-For", append(priorXff, socketIp));
        out.set("X-Forwarded-Host", request.authority() != null ? request.authority().toString() : in.get("Host"));
        out.set("X-Forwarded-Proto", request.isSSL() ? "https" : "http");
        return out;
    }

    /** Copies the origin's answer headers; Vert.x frames the body (length or chunked) itself. */
    static void fromOrigin(MultiMap origin, MultiMap out) {
        Set<String> dropped = dropped(origin);
        origin.forEach((name, value) -> {
            if (!dropped.contains(name.toLowerCase(Locale.ROOT))) {
                out.add(name, value);
            }
        });
    }

    /** Hop-by-hop headers, including any the Connection header names. */
    private static Set<String> dropped(MultiMap headers) {
        Set<String> named = headers.getAll("Connection").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
        named.addAll(HOP_BY_HOP);
        return named;
    }

    private static String append(String prior, String value) {
        return prior == null || prior.isBlank() ? value : prior + ", " + value;
    }

    private static String via(HttpVersion version) {
        return switch (version) {
            case HTTP_1_0 -> "1.0";
            case HTTP_1_1 -> "1.1";
            default -> "2.0";
        };
    }

    private static int hops(String chain) {
        if (chain == null || !chain.startsWith("hops=")) {
            return 0;
        }
        try {
            return Integer.parseInt(chain.substring("hops=".length()).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
