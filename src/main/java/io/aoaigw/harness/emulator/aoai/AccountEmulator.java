package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One emulated Azure OpenAI account: a plain-HTTP listener on 127.0.0.1 serving chat completions and embeddings for
 * the account's deployments, with Azure's authentication, errors, rate limits and pacing (see {@link AccountHandler}
 * for the order of checks). The admin API drives it through {@link #setFaults}, {@link #counters} and
 * {@link #groundTruth}.
 *
 * <p>Every request of the account is handled on one event loop (the context the listener was created on), which
 * keeps the rate limiters lock-free; the admin methods may be called from any thread.
 */
public final class AccountEmulator {
    private static final String HOST = "127.0.0.1";

    private final AccountState state;
    private final AccountHandler handler;
    private final Context context;
    private volatile HttpServer server;
    private int port;
    /** Listener transitions (down, up, stop) run one after another, in the order they were asked for. */
    private Future<Void> transitions = Future.succeededFuture();

    private AccountEmulator(AccountState state, AccessTokenValidator validator, Context context) {
        this.state = state;
        this.handler = new AccountHandler(state, validator);
        this.context = context;
    }

    public static Future<AccountEmulator> start(Vertx vertx, Topology topology, Account account,
                                                AccessTokenValidator validator) {
        return start(vertx, topology, account, validator, EmulatorSettings.DEFAULTS);
    }

    /**
     * Listens on {@code account.port()} (0: an ephemeral port, kept for the emulator's life); fails when the port
     * cannot be bound. Faults of the topology apply from the start (with {@code down}, the port is bound, then
     * closed).
     */
    public static Future<AccountEmulator> start(Vertx vertx, Topology topology, Account account,
                                                AccessTokenValidator validator, EmulatorSettings settings) {
        AccountState state = new AccountState(vertx, topology, account, settings);
        Context context = vertx.getOrCreateContext();
        AccountEmulator emulator = new AccountEmulator(state, validator, context);
        emulator.port = account.port();
        return vertx.executeBlocking(() -> {
            state.preload();
            return null;
        }, false).compose(v -> emulator.onContext(emulator::listen))
                .compose(v -> state.faults().down() ? emulator.onContext(emulator::close) : Future.succeededFuture())
                .map(emulator);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, the account's endpoint as SDKs take it. */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    public Account account() {
        return state.account();
    }

    public EmulatorSettings settings() {
        return state.settings();
    }

    /** Closes the listener and every connection; the emulator cannot be restarted. */
    public synchronized Future<Void> stop() {
        transitions = transitions.eventually(() -> onContext(this::close));
        return transitions;
    }

    /** The current faults, with the error and throttle counts still left. */
    public Faults faults() {
        return state.faults().snapshot();
    }

    /**
     * Replaces the faults (counts start afresh). With {@code down} the listener is closed (connections are refused);
     * without it, a closed listener listens again on the same port. Completes when the listener is in its new state.
     */
    public synchronized Future<Void> setFaults(Faults faults) {
        state.faults().set(faults);
        boolean down = faults.down();
        transitions = transitions.eventually(() -> onContext(down ? this::close : this::listen));
        return transitions;
    }

    public Future<Void> clearFaults() {
        return setFaults(Faults.NONE);
    }

    public boolean isListening() {
        return server != null;
    }

    public CountersSnapshot counters() {
        return state.counters().snapshot();
    }

    public void resetCounters() {
        state.counters().reset();
    }

    public GroundTruth groundTruth() {
        return state.groundTruth();
    }

    private Future<Void> listen() {
        if (server != null) {
            return Future.succeededFuture();
        }
        HttpServer created = state.vertx().createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port)
                .setTcpNoDelay(true).setReuseAddress(true));
        return created.requestHandler(handler).listen().map(s -> {
            server = s;
            port = s.actualPort();
            return null;
        });
    }

    private Future<Void> close() {
        HttpServer closing = server;
        server = null;
        return closing == null ? Future.succeededFuture() : closing.close();
    }

    /** Runs a listener step on the account's event loop, so that the server stays bound to that context. */
    private Future<Void> onContext(java.util.function.Supplier<Future<Void>> step) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> step.get().onComplete(done));
        return done.future();
    }
}
