package io.aoaigw.harness.emulator.tls;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.function.Supplier;

/**
 * Where a server lives. Vert.x gives every server created from one outside thread (the one starting a topology) that
 * thread's one context; a server created on a fresh event-loop context gets the next loop of the pool, and its
 * connections, and the client requests its handlers make, stay on that loop. Front Door and APIM stay on the
 * starting thread's context: moved to loops of their own (chain +20 %), an APIM cut sometimes did not reach the
 * account (ResponseHoldingTest), see docs/BENCHMARKS.md.
 */
public final class EventLoops {
    private EventLoops() {
    }

    /** Runs {@code step} (e.g. creating and binding a server) on a fresh event-loop context. */
    public static <T> Future<T> onFreshLoop(Vertx vertx, Supplier<Future<T>> step) {
        return on(((VertxInternal) vertx).createEventLoopContext(), step);
    }

    /** Runs {@code step} on {@code context}, so that what it creates stays bound to that context's event loop. */
    public static <T> Future<T> on(Context context, Supplier<Future<T>> step) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> step.get().onComplete(done));
        return done.future();
    }
}
