package io.aoaigw.harness.host;

/**
 * A destination off this machine was refused. An {@link IllegalArgumentException}: the URL came from configuration
 * (a topology, an endpoints file, a target file), so callers report it as bad input.
 */
public final class LoopbackViolationException extends IllegalArgumentException {
    public LoopbackViolationException(String message) {
        super(message);
    }
}
