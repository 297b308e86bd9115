package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenizerLoadingTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Futures.await(vertx.close());
    }

    @Test
    void aRequestBeforeTheTokenizersAreLoadedWaitsAndResumesOnItsOwnEventLoop() throws Exception {
        Promise<Void> loading = Promise.promise();
        TokenizerLoading tokenizers = new TokenizerLoading(loading.future());
        Context requestLoop = vertx.getOrCreateContext();
        CompletableFuture<Boolean> resumedOnItsLoop = new CompletableFuture<>();
        CompletableFuture<Boolean> waiting = new CompletableFuture<>();

        requestLoop.runOnContext(v -> {
            var ready = tokenizers.ready();
            waiting.complete(!ready.isComplete());
            ready.onSuccess(x -> resumedOnItsLoop.complete(Vertx.currentContext() == requestLoop));
        });
        assertThat(waiting.get()).isTrue();
        assertThat(resumedOnItsLoop).isNotDone();

        loading.complete();

        assertThat(resumedOnItsLoop.get()).isTrue();
    }

    @Test
    void aFailedLoadFailsTheWaitingRequest() throws Exception {
        Promise<Void> loading = Promise.promise();
        TokenizerLoading tokenizers = new TokenizerLoading(loading.future());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> tokenizers.ready().onFailure(failure::complete));

        loading.fail(new IllegalStateException("o200k_base splits vocabulary pieces"));

        assertThat(failure.get()).hasMessageContaining("splits vocabulary");
    }
}
