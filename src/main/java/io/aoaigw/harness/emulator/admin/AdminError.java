package io.aoaigw.harness.emulator.admin;

/** An admin request that cannot be served; answered as {@code {"error": message}} with the status. */
public final class AdminError extends RuntimeException {
    private final int status;

    public AdminError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static AdminError notFound(String what) {
        return new AdminError(404, what + " not found");
    }
}
