package io.aoaigw.harness.target;

import com.azure.core.http.HttpClient;
import java.util.ServiceLoader;

/**
 * Wraps the HTTP client a target reads ARM with (e.g. the test sources' opt-in check of every answer against the
 * published specs). Found with {@link ServiceLoader}; none in the CLI's jar, so there the client is left as it is.
 */
@FunctionalInterface
public interface ArmClientDecorator {
    HttpClient decorate(HttpClient client);

    /** {@code client} through every decorator on the class path. */
    static HttpClient applyAll(HttpClient client) {
        HttpClient decorated = client;
        for (ArmClientDecorator decorator : ServiceLoader.load(ArmClientDecorator.class)) {
            decorated = decorator.decorate(decorated);
        }
        return decorated;
    }
}
