package io.aoaigw.harness.emulator.aoai;

import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Resets a connection the way a failing origin does: a TCP RST (SO_LINGER 0, then close) rather than an orderly FIN,
 * so clients see "connection reset" mid-stream. Reaches Vert.x's Netty channel through its implementation class, as
 * the public API only offers an orderly close; falls back to that if the implementation changes.
 */
final class ConnectionReset {
    private ConnectionReset() {
    }

    static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            base.channel().close();
        } else {
            connection.close();
        }
    }
}
