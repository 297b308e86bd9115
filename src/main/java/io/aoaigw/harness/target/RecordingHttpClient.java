package io.aoaigw.harness.target;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.URISyntaxException;
import reactor.core.publisher.Mono;

/** An azure-core client that notes every request's method and URL in the run's {@link CallLog} before sending. */
final class RecordingHttpClient implements HttpClient {
    private final HttpClient delegate;
    private final CallLog calls;

    RecordingHttpClient(HttpClient delegate, CallLog calls) {
        this.delegate = delegate;
        this.calls = calls;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.defer(() -> {
            record(request);
            return delegate.send(request);
        });
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return Mono.defer(() -> {
            record(request);
            return delegate.send(request, context);
        });
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        record(request);
        return delegate.sendSync(request, context);
    }

    private void record(HttpRequest request) {
        try {
            calls.record(request.getHttpMethod().name(), request.getUrl().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("unparsable request URL " + request.getUrl(), e);
        }
    }
}
