package io.aoaigw.harness.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits for a Vert.x future from a test thread (never from an event loop), with a bound so a hang fails the test. */
public final class Futures {
    private Futures() {
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no result within 30 s", e);
        }
    }

    /**
     * Builds a client call chain on an event loop. Built on a test thread, a {@code compose} that reads the body can
     * be attached after the body arrived, and the body then reads as empty or misses its first chunk.
     */
    public static <T> Future<T> onEventLoop(Vertx vertx, Supplier<Future<T>> chain) {
        Promise<T> result = Promise.promise();
        vertx.getOrCreateContext().runOnContext(ignored -> chain.get().onComplete(result));
        return result.future();
    }

    /** The failure of a future that must fail; fails the test if it succeeds. */
    public static Throwable failureOf(Future<?> future) {
        try {
            Object value = await(future);
            throw new AssertionError("expected a failure, got " + value);
        } catch (RuntimeException e) {
            return e;
        }
    }
}
