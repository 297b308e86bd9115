package io.aoaigw.harness.emulator.arm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every request the ARM emulator answered, in arrival order (the ground truth for "the inventory only reads"), and
 * the count of refused writes. Bounded so a long load run cannot grow it without limit; the counter never drops.
 */
public final class ArmRequestLog {
    static final int CAPACITY = 10_000;

    private final Clock clock;
    private final List<ArmRequestRecord> records = new ArrayList<>();
    private final AtomicLong refusedWrites = new AtomicLong();

    ArmRequestLog(Clock clock) {
        this.clock = clock;
    }

    void record(String method, String path, String query, int status) {
        if (status == 405) {
            refusedWrites.incrementAndGet();
        }
        synchronized (records) {
            if (records.size() == CAPACITY) {
                records.remove(0);
            }
            records.add(new ArmRequestRecord(clock.instant(), method, path, query, status));
        }
    }

    public List<ArmRequestRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** How many requests were refused with 405 because they were not GET. */
    public long methodNotAllowedCount() {
        return refusedWrites.get();
    }

    /** One line per request, readable in a test failure or a report. */
    public String describe() {
        return records().stream().map(ArmRequestRecord::toString).collect(Collectors.joining("\n"));
    }
}
