package io.aoaigw.harness.discover;

/** Discovery cannot go on (unknown resource group, no APIM service, ARM unreachable): one line for the user. */
public final class DiscoveryException extends RuntimeException {
    public DiscoveryException(String message) {
        super(message);
    }
}
