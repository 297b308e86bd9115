package io.aoaigw.harness.spec.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.aoaigw.harness.spec.SpecValidationFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The opt-in spec check of the contract suites' Resource Manager reads ({@code -Dharness.validateSpec=true}, the
 * switch of the data-plane {@link SpecValidationFilter}): an azure-core client that validates every answer to a GET
 * the azure-rest-api-specs excerpts describe, at their api-version, against {@link ArmSpec#lenient()} and fails the
 * read with the problems when it does not conform. Other requests (tokens, other api-versions) pass unchecked.
 */
public final class ArmSpecHttpClient implements HttpClient {
    private final HttpClient delegate;
    private final ArmSpec spec;

    ArmSpecHttpClient(HttpClient delegate, ArmSpec spec) {
        this.delegate = delegate;
        this.spec = spec;
    }

    /** {@code delegate} validating answers when the system property asks for it, else {@code delegate} itself. */
    public static HttpClient wrapIfEnabled(HttpClient delegate) {
        return SpecValidationFilter.enabled() ? new ArmSpecHttpClient(delegate, ArmSpec.lenient()) : delegate;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return send(request, Context.NONE);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(request, context).flatMap(response -> {
            if (operation(request).isEmpty()) {
                return Mono.just(response);
            }
            HttpResponse buffered = response.buffer();
            return buffered.getBodyAsByteArray().defaultIfEmpty(new byte[0]).map(body -> check(request, buffered, body));
        });
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        HttpResponse response = delegate.sendSync(request, context);
        if (operation(request).isEmpty()) {
            return response;
        }
        HttpResponse buffered = response.buffer();
        return check(request, buffered, buffered.getBodyAsBinaryData().toBytes());
    }

    private Optional<ArmOperation> operation(HttpRequest request) {
        if (request.getHttpMethod() != HttpMethod.GET) {
            return Optional.empty();
        }
        String query = request.getUrl().getQuery() == null ? "" : "&" + request.getUrl().getQuery() + "&";
        return spec.operation(pathAndQuery(request))
                .filter(o -> query.contains("&api-version=" + o.apiVersion() + "&"));
    }

    private static String pathAndQuery(HttpRequest request) {
        String query = request.getUrl().getQuery();
        return request.getUrl().getPath() + (query == null ? "" : "?" + query);
    }

    private HttpResponse check(HttpRequest request, HttpResponse response, byte[] body) {
        String path = request.getUrl().getPath();
        List<String> problems = spec.validate(pathAndQuery(request), response.getStatusCode(),
                new String(body, StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            throw new AssertionError("answer to GET " + path + " does not match azure-rest-api-specs: "
                    + String.join("; ", problems));
        }
        return response;
    }
}
