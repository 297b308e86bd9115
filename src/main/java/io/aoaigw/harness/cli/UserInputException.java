package io.aoaigw.harness.cli;

/** A setting or file the user gave that cannot be used; its message names the setting or file. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message, null, false, false);
    }
}
