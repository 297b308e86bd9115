package io.aoaigw.harness.emulator.aoai;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Loading the account's tokenizers (jtokkit's encodings and the vocabulary check: about a second on a small host)
 * behind the listener: the port is open at once, and a request that needs a tokenizer before it is ready waits for
 * it on its own event loop instead of loading it there.
 */
final class TokenizerLoading {
    private final Future<Void> loaded;

    TokenizerLoading(Future<Void> loaded) {
        this.loaded = loaded;
    }

    /** Starts {@link AccountState#preload()} on a worker thread. */
    static TokenizerLoading start(Vertx vertx, AccountState state) {
        return new TokenizerLoading(vertx.executeBlocking(() -> {
            state.preload();
            return null;
        }, false));
    }

    Future<Void> loaded() {
        return loaded;
    }

    /** Completes when the tokenizers are loaded, on the caller's context (its event loop) when it has one. */
    Future<Void> ready() {
        Context context = Vertx.currentContext();
        if (loaded.isComplete() || context == null) {
            return loaded;
        }
        Promise<Void> ready = Promise.promise();
        loaded.onComplete(result -> context.runOnContext(v -> ready.handle(result)));
        return ready.future();
    }
}
