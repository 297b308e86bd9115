package io.aoaigw.harness.contract;

import io.aoaigw.harness.inventory.InventoryException;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.HarnessConfig;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.target.TargetException;
import io.aoaigw.harness.target.TargetResolver;
import io.qameta.allure.Allure;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Wires a contract suite to the run's target: one {@link ResolvedTarget} per launcher execution, kept in the ROOT
 * store (closed when the execution ends), so several executions in one JVM each check their own target. Before each
 * check it labels the Allure result and fails fast, with one line, when a prerequisite of the step is unreachable;
 * afterwards it turns whatever a check threw into "S4: what is wrong … : the fix", redacted, without a stack trace.
 */
public final class ContractExtension implements ParameterResolver, BeforeEachCallback, TestExecutionExceptionHandler,
        ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ContractExtension.class);
    private static final Pattern STEP_PREFIX = Pattern.compile("^S\\d+: .*", Pattern.DOTALL);

    /**
     * The target, or why there is none: resolved once per execution, failures included. A failure is said once, by
     * the one check that {@link #claim claims} it; every other check is skipped ({@link #evaluateExecutionCondition}).
     */
    private record Resolved(ResolvedTarget target, Throwable failure, AtomicBoolean claimed)
            implements AutoCloseable {
        ResolvedTarget get() {
            if (failure != null) {
                throw new ContractFailure(failure.getMessage());
            }
            return target;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public void close() throws Exception {
            if (target != null) {
                target.close();
            }
        }
    }

    static ResolvedTarget target(ExtensionContext context) {
        return resolved(context).get();
    }

    private static Resolved resolved(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Resolved.class, key -> {
            try {
                return new Resolved(usable(TargetResolver.resolve(new HarnessConfig(
                        context::getConfigurationParameter))), null, new AtomicBoolean());
            } catch (RuntimeException | AssertionError e) {
                return new Resolved(null, e, new AtomicBoolean());
            }
        }, Resolved.class);
    }

    /** The target once its ARM wiring is built: the checks read ARM, so a credential that cannot be built fails now. */
    private static ResolvedTarget usable(ResolvedTarget target) {
        try {
            target.requireArm();
            return target;
        } catch (RuntimeException e) {
            try {
                target.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * A run whose target cannot be used (a bad {@code harness.topology}, {@code harness.target} or
     * {@code harness.endpoints}) fails fast: one check fails with the one-line reason, the others are skipped rather
     * than each repeating it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Resolved resolved = resolved(context);
        if (resolved.failure() == null) {
            return ConditionEvaluationResult.enabled("the target is usable");
        }
        // classes stay enabled, so that every check shows in the summary, as skipped
        return context.getTestMethod().isEmpty() || resolved.claim()
                ? ConditionEvaluationResult.enabled("reports why the target cannot be used")
                : ConditionEvaluationResult.disabled("not run: the target cannot be used (said once, above)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ResolvedTarget.class || type == Check.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // no target: the suite's constructor gets null and beforeEach fails the one check that runs, in one line
        ResolvedTarget target = resolved(context).target();
        return parameter.getParameter().getType() == Check.class ? new Check(context, target) : target;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ContractStep step = step(context);
        try {
            ResolvedTarget target = target(context);
            if (Allure.getLifecycle().getCurrentTestCase().isPresent()) { // absent when no Allure listener runs
                Allure.epic(target.name());
                Allure.feature(step.id() + " " + step.title());
                Allure.description(step.correct());
            }
            Requires requires = context.getRequiredTestMethod().getAnnotation(Requires.class);
            for (Requires.Need need : requires == null ? new Requires.Need[0] : requires.value()) {
                (need == Requires.Need.ARM ? target.armProblem() : target.gatewayProblem())
                        .ifPresent(problem -> {
                            throw new ContractFailure(problem + " — check " + target.hint());
                        });
            }
        } catch (ContractFailure e) {
            throw new ContractFailure(prefixed(step, e.getMessage()));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof TestAbortedException) {
            throw thrown;
        }
        String message = describe(thrown);
        throw new ContractFailure(prefixed(step(context), target(context).redactor().redact(message)));
    }

    private static String describe(Throwable thrown) {
        if (thrown instanceof AssertionError || thrown instanceof TargetException) {
            return String.valueOf(thrown.getMessage()).strip();
        }
        if (thrown instanceof InventoryException) {
            return "Resource Manager: " + thrown.getMessage();
        }
        if (thrown instanceof AdminClient.AdminException) {
            return "inside view (emulator admin API): " + thrown.getMessage();
        }
        return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }

    private static String prefixed(ContractStep step, String message) {
        return STEP_PREFIX.matcher(message).matches() ? message : step.id() + ": " + message;
    }

    private static ContractStep step(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(ContractStep.class);
    }
}
