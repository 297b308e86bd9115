package io.aoaigw.harness.inventory;

/**
 * The inventory could not be read: a resource is missing (the message names it and where it was looked for), ARM
 * refused the credential, or answered an error. The message never holds a token or key.
 */
public final class InventoryException extends RuntimeException {
    private final int status;

    public InventoryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** ARM's HTTP status (404 for a missing resource), or 0 when no answer was received. */
    public int status() {
        return status;
    }
}
