package io.aoaigw.harness.host;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The one loopback rule of the harness and the emulator: talk to this machine only (127.0.0.0/8, ::1, localhost).
 * Decided from the text of the host alone, never by a DNS lookup, so that a name cannot resolve its way off the
 * machine and a credential that guesses (the instance metadata endpoint, login.microsoftonline.com) fails loudly.
 */
public final class LoopbackGuard {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private LoopbackGuard() {
    }

    /** Whether a host (as {@link URI#getHost()} gives it, IPv6 with or without brackets) names this machine. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** Whether the URL (scheme and host present) points at this machine; false for an unparsable one. */
    public static boolean isLoopbackUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && isLoopbackHost(uri.getHost());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Returns the URI when its host is loopback, else throws naming who refused and the refused destination. */
    public static URI requireLoopback(URI uri, String who) {
        if (!isLoopbackHost(uri.getHost())) {
            throw new LoopbackViolationException(who + " refused to send a request to " + uri.getScheme() + "://"
                    + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                    + " — only 127.0.0.1, localhost and ::1 may be reached");
        }
        return uri;
    }

    /** Returns the URI when its host is loopback, else throws with the caller's own one-line message. */
    public static URI requireLoopbackOr(URI uri, String refusal) {
        if (!isLoopbackHost(uri.getHost())) {
            throw new LoopbackViolationException(refusal);
        }
        return uri;
    }
}
