package io.aoaigw.harness.contract;

/**
 * A failed check: the message names the resource and the fix, and is all the user sees (no stack trace is kept, so
 * none is printed in reports or the console table).
 */
public final class ContractFailure extends AssertionError {
    public ContractFailure(String message) {
        super(message, null);
        setStackTrace(new StackTraceElement[0]);
    }

    /** Fails with the formatted message unless {@code ok}. */
    public static void unless(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new ContractFailure(args.length == 0 ? format : String.format(format, args));
        }
    }

    /** Fails with the message unless {@code ok}; the message is built only on failure (it may read more facts). */
    public static void unless(boolean ok, java.util.function.Supplier<String> message) {
        if (!ok) {
            throw new ContractFailure(message.get());
        }
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
