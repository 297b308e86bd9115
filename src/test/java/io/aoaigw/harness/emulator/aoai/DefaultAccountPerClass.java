package io.aoaigw.harness.emulator.aoai;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RunningAccount} on {@link TestAccounts#account()} for a whole test class, handed to every test that takes
 * a {@code RunningAccount} parameter: {@code @ExtendWith(DefaultAccountPerClass.class)}. Started before the class's
 * first test and closed after its last, so tests share one emulator as they would share a real account.
 */
final class DefaultAccountPerClass implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DefaultAccountPerClass.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(RunningAccount.class, RunningAccount.start(TestAccounts.account()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunningAccount account = context.getStore(NAMESPACE).remove(RunningAccount.class, RunningAccount.class);
        if (account != null) {
            account.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningAccount.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a test's own store falls back to its class's, where beforeAll put the account
        return context.getStore(NAMESPACE).get(RunningAccount.class, RunningAccount.class);
    }
}
