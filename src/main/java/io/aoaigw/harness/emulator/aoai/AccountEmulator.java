package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.tls.ListenerTls;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulated Azure OpenAI account: HTTPS (or plain HTTP, {@link ListenerTls}) on 127.0.0.1 serving chat completions and embeddings for the
 * account's deployments, with Azure's authentication, errors, rate limits and pacing (see {@link AccountHandler} for
 * the order of checks). The admin API drives it through {@link #setFaults}, {@link #counters} and
 * {@link #groundTruth}; all methods may be called from any thread.
 *
 * <p>The account listens with one server per event loop ({@link EmulatorSettings#eventLoops()}), sharing one port,
 * rate limits, counters and ground truth. For thousands of paced streams, create the {@link Vertx} with
 * {@code setPreferNativeTransport(true)}: epoll/io_uring roughly doubles the frames a core can write.
 */
public final class AccountEmulator {
    /**
     * Vert.x shares one random port among servers that listen on the same negative port number (port 0 is never
     * shared); each emulator takes its own number so that two accounts never share a socket.
     */
    private static final AtomicInteger SHARED_EPHEMERAL = new AtomicInteger();

    private final AccountState state;
    private final ListenerTls tls;
    private final List<Listener> listeners = new ArrayList<>();
    private volatile int port;
    /** Listener transitions (down, up, stop) run one after another, in the order they were asked for. */
    private Future<Void> transitions = Future.succeededFuture();

    private AccountEmulator(AccountState state, AccessTokenValidator validator, ListenerTls tls) {
        this.state = state;
        this.tls = tls;
        VertxInternal vertx = (VertxInternal) state.vertx();
        for (int i = 0; i < state.settings().eventLoops(); i++) {
            // a fresh event-loop context per listener: consecutive ones land on different event loops
            listeners.add(new Listener(state, validator, vertx.createEventLoopContext(), tls));
        }
    }

    public static Future<AccountEmulator> start(Vertx vertx, Topology topology, Account account,
                                                AccessTokenValidator validator) {
        return start(vertx, topology, account, validator, EmulatorSettings.DEFAULTS);
    }

    /**
     * Listens on {@code account.port()} (0: an ephemeral port, kept for the emulator's life); fails when the port
     * cannot be bound. Faults of the topology apply from the start (with {@code down}, the port is bound, then
     * closed). Tokenizers load off the event loop once asked for ({@link #tokenizersLoaded()}, or by the first request
     * that needs one); requests that arrive before they are loaded wait for them.
     */
    public static Future<AccountEmulator> start(Vertx vertx, Topology topology, Account account,
                                                AccessTokenValidator validator, EmulatorSettings settings) {
        return start(vertx, topology, account, validator, settings, ListenerTls.PLAIN);
    }

    /** As {@link #start(Vertx, Topology, Account, AccessTokenValidator, EmulatorSettings)}, speaking {@code tls}. */
    public static Future<AccountEmulator> start(Vertx vertx, Topology topology, Account account,
                                                AccessTokenValidator validator, EmulatorSettings settings,
                                                ListenerTls tls) {
        AccountState state = new AccountState(vertx, topology, account, settings);
        AccountEmulator emulator = new AccountEmulator(state, validator, tls);
        emulator.port = account.port();
        return emulator.listen()
                .compose(v -> state.faults().down() ? emulator.close() : Future.succeededFuture())
                .recover(failure -> emulator.close().transform(v -> Future.failedFuture(failure)))
                .map(emulator);
    }

    /** Begins loading the tokenizers (once); completes when they are loaded (fails when the vocabulary check fails). */
    public Future<Void> tokenizersLoaded() {
        return state.tokenizerLoading().loaded();
    }

    public int port() {
        return port;
    }

    /** {@code https://127.0.0.1:PORT} (http with plain listeners), the account's endpoint as SDKs take it. */
    public String endpoint() {
        return tls.url(Listener.HOST, port);
    }

    public Account account() {
        return state.account();
    }

    public EmulatorSettings settings() {
        return state.settings();
    }

    /** Closes the listeners and every connection; the emulator cannot be restarted. */
    public synchronized Future<Void> stop() {
        transitions = transitions.eventually(this::close);
        return transitions;
    }

    /** The current faults, with the error and throttle counts still left. */
    public Faults faults() {
        return state.faults().snapshot();
    }

    /**
     * Replaces the faults (counts start afresh). With {@code down} the listeners close (connections are refused and
     * open ones dropped); without it, closed listeners listen again on the same port. Completes when the listeners
     * are in their new state.
     */
    public synchronized Future<Void> setFaults(Faults faults) {
        state.faults().set(faults);
        boolean down = faults.down();
        transitions = transitions.eventually(() -> down ? close() : listen());
        return transitions;
    }

    public Future<Void> clearFaults() {
        return setFaults(Faults.NONE);
    }

    public boolean isListening() {
        return listeners.stream().anyMatch(Listener::listening);
    }

    public CountersSnapshot counters() {
        return state.counters().snapshot();
    }

    public void resetCounters() {
        state.counters().reset();
    }

    /** What Azure Monitor shows of this account: requests and tokens per minute. */
    public AccountMetrics metrics() {
        return state.metrics();
    }

    public GroundTruth groundTruth() {
        return state.groundTruth();
    }

    /** All listeners on one port: the configured one, the one got before, or a fresh shared ephemeral one. */
    private Future<Void> listen() {
        int listenPort = port > 0 ? port : SHARED_EPHEMERAL.decrementAndGet();
        Future<Integer> bound = Future.succeededFuture();
        for (Listener listener : listeners) {
            bound = bound.compose(actual -> listener.listen(listenPort));
        }
        return bound.map(actual -> {
            port = actual;
            return null;
        });
    }

    private Future<Void> close() {
        return Future.all(listeners.stream().map(Listener::close).toList()).mapEmpty();
    }
}
