package io.aoaigw.harness.emulator.tls;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.aoaigw.harness.host.LoopbackGuard;
import io.aoaigw.harness.host.LoopbackViolationException;
import java.net.URISyntaxException;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} that refuses, before any I/O, every request whose host is not loopback. Credentials
 * built on it cannot reach the instance metadata endpoint or Entra ID even when misconfigured.
 */
public final class LoopbackOnlyHttpClient implements HttpClient {
    private static final String WHO = "LoopbackOnlyHttpClient";

    private final HttpClient delegate;

    public LoopbackOnlyHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.defer(() -> {
            check(request);
            return delegate.send(request);
        });
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return Mono.defer(() -> {
            check(request);
            return delegate.send(request, context);
        });
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        check(request);
        return delegate.sendSync(request, context);
    }

    private static void check(HttpRequest request) {
        try {
            LoopbackGuard.requireLoopback(request.getUrl().toURI(), WHO);
        } catch (URISyntaxException e) {
            throw new LoopbackViolationException(WHO + " refused a request to an unparsable URL "
                    + request.getUrl());
        }
    }
}
