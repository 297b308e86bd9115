package io.aoaigw.harness.target;

/**
 * A target that cannot be used or read: a bad spec or file, a missing key, an unreadable ARM resource, an exhausted
 * budget. The message names the file or resource and the fix, and is all the user sees (no stack trace is kept).
 */
public final class TargetException extends RuntimeException {
    public TargetException(String message) {
        super(message, null, false, false);
    }
}
