package io.aoaigw.harness.emulator.arm;

/**
 * How the ARM emulator runs: its listener port (0: ephemeral), the page size of list answers and the reads each
 * principal may make an hour. ARM pages lists with {@code nextLink}; a small page size makes every client walk the
 * pages, as it must against Azure; a small read budget shows how a client meets ARM's 429.
 */
public record ArmSettings(int port, int pageSize, int readsPerHour) {

    public ArmSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        if (readsPerHour < 1) {
            throw new IllegalArgumentException("readsPerHour must be >= 1, was " + readsPerHour);
        }
    }

    public static ArmSettings defaults() {
        return new ArmSettings(0, 100, ReadBudget.READS_PER_HOUR);
    }

    public ArmSettings withPort(int newPort) {
        return new ArmSettings(newPort, pageSize, readsPerHour);
    }

    public ArmSettings withPageSize(int size) {
        return new ArmSettings(port, size, readsPerHour);
    }

    public ArmSettings withReadsPerHour(int reads) {
        return new ArmSettings(port, pageSize, reads);
    }
}
