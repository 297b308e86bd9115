package io.aoaigw.harness.emulator.apim;

import java.util.regex.Pattern;

/**
 * Decides from the text of a host alone (no DNS lookup, ever) whether it is loopback: the emulator may only talk to
 * 127.0.0.0/8, ::1 and localhost.
 */
final class Loopback {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Loopback() {
    }

    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}
