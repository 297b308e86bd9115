package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.tls.EventLoops;
import io.aoaigw.harness.emulator.tls.ListenerTls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.function.Supplier;

/**
 * One HTTP(S) server of the account, started on one event loop with its own request pipeline; paced writes go through
 * the {@link FrameClock} of whichever event loop serves the connection.
 * The account runs one per event loop it uses, all on the same port: Vert.x spreads connections over them.
 */
final class Listener {
    static final String HOST = "127.0.0.1";

    private final AccountState state;
    private final Context context;
    private final AccountHandler handler;
    private final ListenerTls tls;
    private volatile HttpServer server;

    Listener(AccountState state, AccessTokenValidator validator, Context context, ListenerTls tls) {
        this.state = state;
        this.context = context;
        this.tls = tls;
        this.handler = new AccountHandler(state, validator);
    }

    /** Listens on {@code port} (negative: Vert.x's shared ephemeral port of that number) and completes with it. */
    Future<Integer> listen(int port) {
        return onContext(() -> {
            if (server != null) {
                return Future.succeededFuture(server.actualPort());
            }
            // HTTP/1.1 only, as Front Door speaks to origins: no h2c upgrade, so a reset cuts exactly one exchange
            HttpServerOptions options = tls.server(new HttpServerOptions().setTcpNoDelay(true)
                    .setReuseAddress(true).setHttp2ClearTextEnabled(false)
                    .setPerMessageWebSocketCompressionSupported(false)
                    .setPerFrameWebSocketCompressionSupported(false));
            return state.vertx().createHttpServer(options).requestHandler(handler).listen(port, HOST).map(s -> {
                server = s;
                return s.actualPort();
            });
        });
    }

    /** Stops accepting and closes the server's connections. */
    Future<Void> close() {
        return onContext(() -> {
            HttpServer closing = server;
            server = null;
            return closing == null ? Future.succeededFuture() : closing.close();
        });
    }

    boolean listening() {
        return server != null;
    }

    private <T> Future<T> onContext(Supplier<Future<T>> step) {
        return EventLoops.on(context, step);
    }
}
