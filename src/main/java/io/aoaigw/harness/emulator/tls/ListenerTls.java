package io.aoaigw.harness.emulator.tls;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * How the data-plane listeners (accounts, Front Door, APIM) speak: HTTPS with the run's certificate, as Azure does,
 * or plain HTTP (the topology's {@code transport: http}, or a unit test of one component).
 */
public final class ListenerTls {
    /** Plain HTTP, clients trusting nothing extra. */
    public static final ListenerTls PLAIN = new ListenerTls(null, null);

    private final EmulatorTls tls;
    private final TrustMaterial trust;

    private ListenerTls(EmulatorTls tls, TrustMaterial trust) {
        this.tls = tls;
        this.trust = trust;
    }

    /** HTTPS listeners presenting the run's certificate. */
    public static ListenerTls https(EmulatorTls tls) {
        return new ListenerTls(tls, tls.trust());
    }

    /** Plain listeners whose outgoing clients still trust the run's certificate (e.g. an HTTPS identity endpoint). */
    public static ListenerTls plain(TrustMaterial trust) {
        return new ListenerTls(null, trust);
    }

    public boolean secure() {
        return tls != null;
    }

    public String scheme() {
        return secure() ? "https" : "http";
    }

    /** {@code scheme://host:port}. */
    public String url(String host, int port) {
        return scheme() + "://" + host + ":" + port;
    }

    /** The listener's options with TLS switched on when secure; the options are changed and returned. */
    public HttpServerOptions server(HttpServerOptions options) {
        return secure() ? options.setSsl(true).setKeyCertOptions(tls.serverKeyCertOptions()) : options;
    }

    /**
     * The client's options trusting the run's certificate, host names verified; whether a request uses TLS is the
     * request's own choice (its URL's scheme). The options are changed and returned.
     */
    public HttpClientOptions client(HttpClientOptions options) {
        return trust == null ? options : options.setVerifyHost(true).setTrustOptions(trust.vertxTrustOptions());
    }
}
