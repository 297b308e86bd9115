package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
        CountDownLatch release = new CountDownLatch(1);
        TokenizerLoading tokenizers = new TokenizerLoading(vertx, () -> await(release));
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

        release.countDown();

        assertThat(resumedOnItsLoop.get()).isTrue();
    }

    @Test
    void aFailedLoadFailsTheWaitingRequest() throws Exception {
        TokenizerLoading tokenizers = new TokenizerLoading(vertx, () -> {
            throw new IllegalStateException("o200k_base splits vocabulary pieces");
        });
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> tokenizers.ready().onFailure(failure::complete));

        assertThat(failure.get()).hasMessageContaining("splits vocabulary");
    }

    @Test
    void nothingLoadsUntilAskedAndThenOnlyOnce() {
        AtomicInteger loads = new AtomicInteger();
        TokenizerLoading tokenizers = new TokenizerLoading(vertx, loads::incrementAndGet);
        int beforeAsking = loads.get();

        Futures.await(tokenizers.loaded());
        Futures.await(tokenizers.loaded());
        Futures.await(tokenizers.ready());

        assertThat(beforeAsking).isZero();
        assertThat(loads.get()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
