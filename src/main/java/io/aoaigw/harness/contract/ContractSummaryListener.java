package io.aoaigw.harness.contract;

import io.aoaigw.harness.target.HarnessConfig;
import org.junit.platform.launcher.TestPlan;

/**
 * Registered with the JUnit launcher (META-INF/services): after a top-level run that ran contract suites, writes the
 * summary JSON, prints the table and fills the GitHub job summary. {@link ContractRunner} switches it off in the
 * executions it starts and writes their outputs itself.
 */
public final class ContractSummaryListener extends SummaryCollector {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        super.testPlanExecutionFinished(plan);
        ContractSummary summary = summary();
        if (!summary.steps().isEmpty()) {
            new SummaryOutputs(new HarnessConfig(plan.getConfigurationParameters()::get), System::getenv,
                    System.out).topLevel(summary);
        }
    }
}
