package io.aoaigw.harness.emulator.frontdoor.testsupport;

import io.aoaigw.harness.emulator.frontdoor.FrontDoorEmulator;
import io.aoaigw.harness.emulator.frontdoor.FrontDoorOptions;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A running Front Door emulator over test origins, with its own Vert.x; close it after the test. */
public final class FrontDoorFixture implements AutoCloseable {
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Map<String, TestOrigin> origins;
    private final FrontDoorEmulator emulator;

    private FrontDoorFixture(Vertx vertx, Map<String, TestOrigin> origins, FrontDoorEmulator emulator) {
        this.vertx = vertx;
        this.origins = origins;
        this.emulator = emulator;
    }

    public static FrontDoorFixture start(TestTopology topology, FrontDoorOptions options) {
        Vertx vertx = Vertx.vertx();
        try {
            Map<String, TestOrigin> origins = new LinkedHashMap<>();
            Map<String, URI> urls = new LinkedHashMap<>();
            for (String name : topology.originNames()) {
                TestOrigin origin = await(TestOrigin.start(vertx, name));
                origins.put(name, origin);
                urls.put(name, origin.url());
            }
            FrontDoorEmulator emulator = await(FrontDoorEmulator.start(vertx, topology.build(), urls, options));
            return new FrontDoorFixture(vertx, origins, emulator);
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
    }

    public static FrontDoorFixture start(TestTopology topology) {
        return start(topology, FrontDoorOptions.defaults());
    }

    public Vertx vertx() {
        return vertx;
    }

    public FrontDoorEmulator emulator() {
        return emulator;
    }

    public TestOrigin origin(String name) {
        return origins.get(name);
    }

    /** Requests go to the Front Door endpoint. */
    public RequestSpecification spec() {
        return new RequestSpecBuilder().setBaseUri(emulator.endpointUrl()).build();
    }

    /** Waits for a Vert.x future, failing the test after a bounded time. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(AWAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("awaited future did not complete: " + e, e);
        }
    }

    /** Waits for a Vert.x future that must fail, and returns why it did. */
    public static Throwable awaitFailure(Future<?> future) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture()
                    .get(AWAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("awaited future did not complete: " + e, e);
        }
    }

    /**
     * Polls {@code condition} on a Vert.x timer every 10 ms until it holds, or fails naming {@code what} after
     * {@code within}. Returns how long it took.
     */
    public Duration awaitUntil(String what, Duration within, BooleanSupplier condition) {
        long started = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long timer = vertx.setPeriodic(1, 10, id -> {
            try {
                if (condition.getAsBoolean()) {
                    done.complete(null);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + within + ": " + what);
        } catch (Exception e) {
            throw new AssertionError("while waiting for " + what + ": " + e, e);
        } finally {
            vertx.cancelTimer(timer);
        }
    }

    @Override
    public void close() {
        try {
            await(emulator.stop());
        } finally {
            await(vertx.close());
        }
    }
}
