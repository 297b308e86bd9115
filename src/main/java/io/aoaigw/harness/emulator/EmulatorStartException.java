package io.aoaigw.harness.emulator;

/**
 * A topology that could not be brought up (a port taken, a listener failing); the message says which. When the cause
 * is the user's setting — a fixed port already in use — {@link #field()} names the topology field.
 */
public final class EmulatorStartException extends RuntimeException {
    private final String field;

    public EmulatorStartException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private EmulatorStartException(String message, Throwable cause, String field) {
        super(message, cause);
        this.field = field;
    }

    /** A listener that could not bind its port: names the field and the component, not the socket call. */
    static EmulatorStartException portUnavailable(String field, String component, int port, Throwable cause) {
        String why = cause.getMessage() != null && cause.getMessage().contains("in use") ? "is already in use"
                : "cannot be bound (" + cause.getMessage() + ")";
        return new EmulatorStartException(field + ": port " + port + " of " + component + " " + why, cause, field);
    }

    /** The topology field at fault, or null when the failure is not the user's setting. */
    public String field() {
        return field;
    }
}
