package io.aoaigw.harness.emulator.aoai;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for request ids ({@code x-request-id}, {@code apim-request-id}) from the thread's own generator:
 * they must be unique, not unpredictable, and {@link UUID#randomUUID()} takes a lock and reads the system's entropy
 * source for each one, twice per answer.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // RFC 4122 variant
        return new UUID(high, low).toString();
    }
}
