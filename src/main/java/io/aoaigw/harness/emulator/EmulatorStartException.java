package io.aoaigw.harness.emulator;

/** A topology that could not be brought up (a port taken, a listener failing); the message says which. */
public final class EmulatorStartException extends RuntimeException {
    public EmulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
