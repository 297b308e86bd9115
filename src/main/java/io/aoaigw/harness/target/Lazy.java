package io.aoaigw.harness.target;

import java.util.function.Supplier;

/**
 * A value computed at most once, on first use, by whichever thread asks first; a failure is kept and rethrown to
 * every later caller (an unreachable ARM is probed once per run, not once per check).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;
    private RuntimeException failure;
    private boolean done;

    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (!done) {
            try {
                value = compute.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
