package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.ProvisionedThroughput;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private final Map<String, DeploymentLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, ProvisionedLimiter> provisioned = new ConcurrentHashMap<>();
    private final Map<String, ModelTokenizer> tokenizers = new ConcurrentHashMap<>();
    private final Map<String, String> modelSessions = new ConcurrentHashMap<>();
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final TokenizerLoading tokenizerLoading;

    AccountState(Vertx vertx, Topology topology, Account account, EmulatorSettings settings) {
        this.vertx = vertx;
        this.topology = topology;
        this.account = account;
        this.settings = settings;
        this.groundTruth = new GroundTruth(settings.groundTruthCapacity(), metrics::record);
        faults.set(account.faults());
        this.tokenizerLoading = TokenizerLoading.of(vertx, this);
    }

    TokenizerLoading tokenizerLoading() {
        return tokenizerLoading;
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

    DeploymentLimiter limiter(Deployment deployment) {
        return limiters.computeIfAbsent(deployment.id(),
                id -> DeploymentLimiter.of(deployment, settings.rateLimitWindow()));
    }

    /** The utilisation of a provisioned deployment (the validator saw to it that its model has a rate per PTU). */
    ProvisionedLimiter provisioned(Deployment deployment) {
        return provisioned.computeIfAbsent(deployment.id(), id -> {
            ProvisionedThroughput.Rate rate = ProvisionedThroughput.rateOf(deployment.model());
            return new ProvisionedLimiter(ProvisionedThroughput.tokensPerMinute(deployment.model(), deployment.ptu()),
                    rate.outputWeight());
        });
    }

    /**
     * Loads the tokenizers of the account's models and checks the vocabulary (seconds of work on a small machine)
     * while the listener opens, so no request pays for it on the event loop. Blocking: call off the event loop.
     */
    void preload() {
        for (Deployment deployment : account.deployments()) {
            tokenizer(deployment);
            if (deployment.kind() == Deployment.Kind.chat) {
                Vocabulary.verify(ModelTokenizer.encodingTypeOf(deployment.model()));
            }
        }
    }

    /**
     * The {@code azureml-model-session} of a deployment's answers: recorded values look like
     * {@code d045-20240221233240} (a serving instance and its start time); here one per deployment and emulator start.
     */
    String modelSession(String deploymentId) {
        return modelSessions.computeIfAbsent(deploymentId, id -> String.format("d%03d-%s",
                Math.floorMod(id.hashCode(), 1000), STARTED.format(java.time.LocalDateTime.now(ZoneOffset.UTC))));
    }

    ModelTokenizer tokenizer(Deployment deployment) {
        return tokenizers.computeIfAbsent(deployment.model(), ModelTokenizer::forModel);
    }
}
