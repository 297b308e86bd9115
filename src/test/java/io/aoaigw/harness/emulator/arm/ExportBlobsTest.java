package io.aoaigw.harness.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportBlobsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void aLinkServesItsDocumentForFiveMinutesAndIsUnguessable() {
        ExportBlobs blobs = new ExportBlobs(clock);

        String a = blobs.put("https://127.0.0.1:1", "api.json", "application/json", "{}");
        String b = blobs.put("https://127.0.0.1:1", "api.json", "application/json", "{}");
        String path = a.substring("https://127.0.0.1:1".length());

        assertThat(a).isNotEqualTo(b).startsWith("https://127.0.0.1:1" + ExportBlobs.PREFIX).endsWith("/api.json");
        assertThat(blobs.get(path)).hasValueSatisfying(blob -> assertThat(blob.body()).isEqualTo("{}"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(blobs.get(path)).isEmpty();
    }
}
