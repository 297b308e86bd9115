package io.aoaigw.harness.load;

/**
 * Ends a simulation on bad input with one line and exit code 2 (as the launcher does), not a stack trace. Inside a
 * test JVM ({@code -Dharness.inProcess=true}) it throws instead, so the test runner survives.
 */
final class BadInput {
    private BadInput() {
    }

    static <T> T exit(String message) {
        if (Boolean.getBoolean("harness.inProcess")) {
            throw new IllegalArgumentException(message);
        }
        System.err.println("error: " + message);
        System.err.flush();
        System.exit(2);
        return null;
    }
}
