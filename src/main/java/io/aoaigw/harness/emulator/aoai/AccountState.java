package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the request pipelines of one account share across its event loops: model, settings, faults, counters, ground
 * truth, rate limits (all thread-safe).
 */
final class AccountState {
    private final Vertx vertx;
    private final Topology topology;
    private final Account account;
    private final EmulatorSettings settings;
    private final FaultState faults = new FaultState();
    private final Counters counters = new Counters();
    private final GroundTruth groundTruth;
    private final AccountMetrics metrics = new AccountMetrics(Clock.systemUTC());
    /** Shared by the account's event loops; each limiter locks itself. */
    private final Map<String, SlidingWindowLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, ModelTokenizer> tokenizers = new ConcurrentHashMap<>();

    AccountState(Vertx vertx, Topology topology, Account account, EmulatorSettings settings) {
        this.vertx = vertx;
        this.topology = topology;
        this.account = account;
        this.settings = settings;
        this.groundTruth = new GroundTruth(settings.groundTruthCapacity(), metrics::record);
        faults.set(account.faults());
    }

    Vertx vertx() {
        return vertx;
    }

    Topology topology() {
        return topology;
    }

    Account account() {
        return account;
    }

    EmulatorSettings settings() {
        return settings;
    }

    FaultState faults() {
        return faults;
    }

    Counters counters() {
        return counters;
    }

    GroundTruth groundTruth() {
        return groundTruth;
    }

    AccountMetrics metrics() {
        return metrics;
    }

    SlidingWindowLimiter limiter(Deployment deployment) {
        return limiters.computeIfAbsent(deployment.id(), id -> new SlidingWindowLimiter(
                settings.rateLimitWindow().toNanos(), deployment.tpm(), deployment.rpm()));
    }

    /**
     * Loads the tokenizers of the account's models and checks the vocabulary (seconds of work on a small machine)
     * before the listener opens, so no request pays for it on the event loop. Blocking: call off the event loop.
     */
    void preload() {
        Vocabulary.WORDS.size();
        account.deployments().forEach(this::tokenizer);
    }

    ModelTokenizer tokenizer(Deployment deployment) {
        return tokenizers.computeIfAbsent(deployment.model(), ModelTokenizer::forModel);
    }
}
