package io.aoaigw.harness.emulator.arm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where APIM's API export puts its document: a blob behind an unguessable link that needs no credential and lasts
 * five minutes (APIM's REST reference: "exported to the Storage Blob with SAS Key valid for 5 minutes"). Azure's
 * links point at a storage account; here they point at this ARM listener under {@link #PREFIX}.
 */
final class ExportBlobs {
    static final String PREFIX = "/_blob/api-export/";
    private static final Duration VALID = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Blob(String contentType, String body, Instant expires) {
    }

    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Clock clock;

    ExportBlobs(Clock clock) {
        this.clock = clock;
    }

    /** Stores the document and returns its absolute link. */
    String put(String baseUrl, String fileName, String contentType, String body) {
        Instant now = clock.instant();
        blobs.values().removeIf(b -> b.expires().isBefore(now));
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        String path = PREFIX + HexFormat.of().formatHex(token) + "/" + fileName;
        blobs.put(path, new Blob(contentType, body, now.plus(VALID)));
        return baseUrl + path;
    }

    /** The blob at a request path, while its link is valid. */
    Optional<Blob> get(String path) {
        return Optional.ofNullable(blobs.get(path)).filter(b -> !b.expires().isBefore(clock.instant()));
    }
}
