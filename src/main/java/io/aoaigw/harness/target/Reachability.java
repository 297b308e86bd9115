package io.aoaigw.harness.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

/** One TCP connect with a short timeout: tells "nothing listens there" apart from everything else, quickly. */
public final class Reachability {
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private Reachability() {
    }

    /** Empty when something accepts connections at the URL's host and port, else why not ("connection refused"). */
    public static Optional<String> problem(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
            return Optional.empty();
        } catch (java.net.ConnectException e) {
            return Optional.of("connection refused");
        } catch (java.net.SocketTimeoutException e) {
            return Optional.of("no answer within " + CONNECT_TIMEOUT_MS + " ms");
        } catch (java.net.UnknownHostException e) {
            return Optional.of("unknown host " + uri.getHost());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
