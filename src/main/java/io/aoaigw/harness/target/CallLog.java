package io.aoaigw.harness.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every URL the suites' clients called in a run (scheme, host, port and path; the query is dropped, as keys may travel
 * there), so that a test can prove nothing outside the target was contacted.
 */
public final class CallLog {
    private final ConcurrentLinkedQueue<String> urls = new ConcurrentLinkedQueue<>();

    public void record(String method, URI uri) {
        urls.add(method + " " + new StringBuilder(uri.getScheme()).append("://").append(uri.getHost())
                .append(uri.getPort() < 0 ? "" : ":" + uri.getPort()).append(uri.getRawPath() == null ? ""
                        : uri.getRawPath()));
    }

    public List<String> entries() {
        return List.copyOf(urls);
    }

    public void writeTo(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, entries());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the call log " + file, e);
        }
    }
}
