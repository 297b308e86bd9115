package io.aoaigw.harness.emulator.apim.testsupport;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh {@link Vertx} for every test, handed to the test and its {@code @BeforeEach} methods as a {@code Vertx}
 * parameter: {@code @ExtendWith(VertxPerTest.class)}. Closed after the test, which closes every server and client
 * the test started on it, so no gateway outlives its test.
 */
public final class VertxPerTest implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VertxPerTest.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Vertx.class, Vertx.vertx());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Vertx vertx = context.getStore(NAMESPACE).remove(Vertx.class, Vertx.class);
        if (vertx != null) {
            Gateway.await(vertx.close());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Vertx.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Vertx.class, Vertx.class);
    }
}
