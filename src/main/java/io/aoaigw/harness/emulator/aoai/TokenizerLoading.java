package io.aoaigw.harness.emulator.aoai;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Loading the account's tokenizers (jtokkit's encodings and the vocabulary check: about a second on a small host)
 * behind the listener: the port is open at once, and a request that needs a tokenizer before it is ready waits for
 * it on its own event loop instead of loading it there. Loading begins when first asked for ({@link #loaded()},
 * {@link #ready()}), not when the account is made: a topology asks once all its listeners are up, so that the
 * loading and the JIT work it causes (0.6 s of a 2-core host's start) do not delay the endpoints file.
 */
final class TokenizerLoading {
    private final Vertx vertx;
    private final Runnable preload;
    private volatile Future<Void> loading;

    TokenizerLoading(Vertx vertx, Runnable preload) {
        this.vertx = vertx;
        this.preload = preload;
    }

    /** The tokenizers of {@code state}, loaded by {@link AccountState#preload()} on a worker thread when asked. */
    static TokenizerLoading of(Vertx vertx, AccountState state) {
        return new TokenizerLoading(vertx, state::preload);
    }

    /** Begins loading (once) and completes when the tokenizers are loaded. */
    Future<Void> loaded() {
        Future<Void> begun = loading;
        return begun != null ? begun : begin();
    }

    /**
     * The loading's future is Vert.x's own, bound to the context of whoever began it (a topology's starting thread),
     * as it was when loading began with the account: requests continue where they did then.
     */
    private synchronized Future<Void> begin() {
        if (loading == null) {
            loading = vertx.executeBlocking(() -> {
                preload.run();
                return null;
            }, false);
        }
        return loading;
    }

    /** As {@link #loaded()}, completing on the caller's context (its event loop) when it has one. */
    Future<Void> ready() {
        Future<Void> done = loaded();
        Context context = Vertx.currentContext();
        if (done.isComplete() || context == null) {
            return done;
        }
        Promise<Void> ready = Promise.promise();
        done.onComplete(result -> context.runOnContext(v -> ready.handle(result)));
        return ready.future();
    }
}
