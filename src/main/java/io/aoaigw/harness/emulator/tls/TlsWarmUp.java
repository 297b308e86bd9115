package io.aoaigw.harness.emulator.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One TLS handshake in memory, begun on a thread of its own as a start begins: the first handshake of a JVM loads
 * and initialises the JDK's TLS 1.3 and elliptic-curve code and Netty's contexts (~0.4 s on a small host). Done
 * while the topology is read and the listeners bind, the first listener that needs them finds them ready; the
 * handshake is the same one every hop later makes (Netty's JDK engine, the machine's certificate, TLS 1.3).
 */
public final class TlsWarmUp {
    private static final AtomicReference<CompletableFuture<String>> ONCE = new AtomicReference<>();
    private static final int MAX_ROUNDS = 32;

    private TlsWarmUp() {
    }

    /**
     * Begins the warm-up once per JVM and returns its outcome (the protocol agreed, or {@code skipped} when the
     * machine's key cache is off and there is no certificate worth making early); never blocks.
     */
    public static CompletableFuture<String> beginOnce() {
        CompletableFuture<String> begun = new CompletableFuture<>();
        if (!ONCE.compareAndSet(null, begun)) {
            return ONCE.get();
        }
        if (!MachineKeyCache.machine().enabled()) {
            begun.complete("skipped");
            return begun;
        }
        Thread thread = new Thread(() -> {
            try {
                begun.complete(handshake(EmulatorTls.generate()));
            } catch (Exception | LinkageError e) {
                // a warm-up that fails costs the first listener its time, nothing else: the listener reports it
                begun.completeExceptionally(e);
            }
        }, "tls-warm-up");
        thread.setDaemon(true);
        thread.start();
        return begun;
    }

    /** A client trusting {@code tls} shakes hands with a server presenting its certificate; returns the protocol. */
    static String handshake(EmulatorTls tls) throws SSLException {
        return handshake(tls, tls.trust());
    }

    static String handshake(EmulatorTls tls, TrustMaterial clientTrust) throws SSLException {
        SslContext server = SslContextBuilder.forServer(tls.keyManager())
                .sslProvider(SslProvider.JDK).build();
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(clientTrust.trustManagerFactory()).build();
        SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
        int packet = Math.max(clientEngine.getSession().getPacketBufferSize(),
                serverEngine.getSession().getPacketBufferSize());
        int application = Math.max(clientEngine.getSession().getApplicationBufferSize(),
                serverEngine.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(packet);
        ByteBuffer toClient = ByteBuffer.allocate(packet);
        ByteBuffer plain = ByteBuffer.allocate(application);
        ByteBuffer nothing = ByteBuffer.allocate(0);
        clientEngine.beginHandshake();
        serverEngine.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (done(clientEngine) && done(serverEngine)) {
                return clientEngine.getSession().getProtocol();
            }
            step(clientEngine.wrap(nothing, toServer), clientEngine);
            step(serverEngine.wrap(nothing, toClient), serverEngine);
            toServer.flip();
            toClient.flip();
            step(clientEngine.unwrap(toClient, plain.clear()), clientEngine);
            step(serverEngine.unwrap(toServer, plain.clear()), serverEngine);
            toServer.compact();
            toClient.compact();
        }
        throw new SSLHandshakeException("the warm-up handshake did not finish in " + MAX_ROUNDS + " rounds");
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngineResult result, SSLEngine engine) {
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                task.run();
            }
        }
    }
}
