package io.aoaigw.harness.load;

/** A load profile that cannot be used; the message is one line {@code FILE:LINE: field: problem}. */
public final class LoadProfileException extends RuntimeException {
    public LoadProfileException(String message) {
        super(message, null, false, false);
    }
}
