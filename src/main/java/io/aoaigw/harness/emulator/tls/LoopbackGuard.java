package io.aoaigw.harness.emulator.tls;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule every client of the emulator obeys: talk to the loopback interface only. A credential that guesses
 * (the instance metadata endpoint, login.microsoftonline.com) must fail loudly instead of leaving the machine.
 */
public final class LoopbackGuard {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private LoopbackGuard() {
    }

    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Returns the URI when its host is loopback, else throws naming the refused destination. */
    public static URI requireLoopback(URI uri, String who) {
        if (!isLoopback(uri.getHost())) {
            throw new LoopbackViolationException(who + " refused to send a request to " + uri.getScheme() + "://"
                    + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                    + " — only 127.0.0.1, localhost and ::1 may be reached");
        }
        return uri;
    }

    public static final class LoopbackViolationException extends IllegalStateException {
        public LoopbackViolationException(String message) {
            super(message);
        }
    }
}
