package io.aoaigw.harness.emulator.aoai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The most recent {@link RequestRecord}s, in the order the exchanges ended, bounded (oldest dropped first).
 * Thread-safe: written on the event loop, read by the admin API.
 */
public final class GroundTruth {
    private final RequestRecord[] ring;
    private final Consumer<RequestRecord> listener;
    private long written;

    GroundTruth(int capacity, Consumer<RequestRecord> listener) {
        this.ring = new RequestRecord[capacity];
        this.listener = listener;
    }

    void add(RequestRecord record) {
        synchronized (this) {
            ring[(int) (written % ring.length)] = record;
            written++;
        }
        listener.accept(record);
    }

    /** Up to {@code limit} records, oldest first, ending with the latest. */
    public synchronized List<RequestRecord> recent(int limit) {
        int count = (int) Math.min(Math.min(limit, written), ring.length);
        List<RequestRecord> records = new ArrayList<>(count);
        for (long i = written - count; i < written; i++) {
            records.add(ring[(int) (i % ring.length)]);
        }
        return records;
    }

    public Optional<RequestRecord> find(String requestId) {
        List<RequestRecord> all = recent(ring.length);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).requestId().equals(requestId)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Records ever added, including those dropped since. */
    public synchronized long total() {
        return written;
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        written = 0;
    }
}
