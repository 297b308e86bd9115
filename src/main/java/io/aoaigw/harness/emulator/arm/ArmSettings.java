package io.aoaigw.harness.emulator.arm;

/**
 * How the ARM emulator runs: its listener port (0: ephemeral) and the page size of list answers. ARM pages lists
 * with {@code nextLink}; a small page size makes every client walk the pages, as it must against Azure.
 */
public record ArmSettings(int port, int pageSize) {

    public ArmSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
    }

    public static ArmSettings defaults() {
        return new ArmSettings(0, 100);
    }

    public ArmSettings withPort(int newPort) {
        return new ArmSettings(newPort, pageSize);
    }

    public ArmSettings withPageSize(int size) {
        return new ArmSettings(port, size);
    }
}
