package io.aoaigw.harness.contract;

import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.target.HarnessConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Builds a {@link ContractSummary} from one launcher execution: only classes annotated {@link ContractStep} count;
 * each test method is a check, a suite that failed before its checks ran is one failed "setup" check. Details are
 * failure messages (first cause that is a {@link ContractFailure}, else the message) or the check's report entries.
 * One instance per execution; safe for the launcher's threads.
 */
public class SummaryCollector implements TestExecutionListener {
    private static final Redactor REDACTOR = Redactor.patternsOnly();

    private final Map<String, List<CheckResult>> checksByClass = new ConcurrentHashMap<>();
    private final Map<String, ContractStep> steps = new ConcurrentHashMap<>();
    private final Map<String, List<String>> details = new ConcurrentHashMap<>();
    private volatile String target = "";
    private volatile Instant startedAt = Instant.now();
    private volatile long startedNanos = System.nanoTime();
    private volatile long durationMs;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        target = new HarnessConfig(plan.getConfigurationParameters()::get).describeTarget();
        plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(id -> stepOf(id).ifPresent(step -> {
            String type = className(id).orElseThrow();
            steps.put(type, step);
            checksByClass.putIfAbsent(type, new ArrayList<>());
        })));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (Check.DETAIL.equals(key)) {
                details.computeIfAbsent(id.getUniqueId(), k -> new ArrayList<>()).add(value);
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        stepOf(id).filter(s -> id.isTest()).ifPresent(step ->
                add(id, new CheckResult(checkName(id), StepResult.SKIPPED, REDACTOR.redact(reason))));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<ContractStep> step = stepOf(id);
        if (step.isEmpty()) {
            return;
        }
        boolean suiteFailure = id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED;
        if (!id.isTest() && !suiteFailure) {
            return;
        }
        String name = id.isTest() ? checkName(id) : "setup";
        CheckResult check = switch (result.getStatus()) {
            case SUCCESSFUL -> new CheckResult(name, StepResult.PASSED,
                    String.join("; ", details.getOrDefault(id.getUniqueId(), List.of())));
            case ABORTED -> new CheckResult(name, StepResult.SKIPPED, message(step.get(), result));
            case FAILED -> new CheckResult(name, StepResult.FAILED, message(step.get(), result));
        };
        add(id, check);
    }

    private synchronized void add(TestIdentifier id, CheckResult check) {
        checksByClass.computeIfAbsent(className(id).orElseThrow(), k -> new ArrayList<>()).add(check);
    }

    /** The summary so far (complete once the execution finished). */
    public ContractSummary summary() {
        List<StepResult> results = new ArrayList<>();
        steps.forEach((type, step) -> {
            List<CheckResult> checks;
            synchronized (this) {
                checks = List.copyOf(checksByClass.getOrDefault(type, List.of()));
            }
            results.add(new StepResult(step.id(), step.title(), StepResult.statusOf(checks), checks));
        });
        results.sort(Comparator.comparingInt(s -> Integer.parseInt(s.id().substring(1))));
        return new ContractSummary(target, startedAt, durationMs, results);
    }

    private static String message(ContractStep step, TestExecutionResult result) {
        String text = result.getThrowable().map(SummaryCollector::innermostMessage).orElse("");
        String line = REDACTOR.redact(text.strip());
        return line.matches("(?s)^S\\d+: .*") || line.isEmpty() ? line : step.id() + ": " + line;
    }

    /** A ContractFailure anywhere in the cause chain speaks for itself; otherwise the outermost message. */
    private static String innermostMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ContractFailure) {
                return t.getMessage();
            }
        }
        return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    }

    private static String checkName(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(id.getDisplayName());
    }

    private static Optional<String> className(TestIdentifier id) {
        return id.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : null);
    }

    private static Optional<ContractStep> stepOf(TestIdentifier id) {
        return className(id).flatMap(name -> {
            try {
                return Optional.ofNullable(Class.forName(name, false, SummaryCollector.class.getClassLoader())
                        .getAnnotation(ContractStep.class));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
