package io.aoaigw.harness.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.aoaigw.harness.target.HarnessConfig;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contract suites programmatically, e.g. once per broken topology:
 * {@code ContractRunner.run(Map.of("harness.topology", "scenarios/topologies/broken/x.yaml"))}. Each call is its own
 * launcher execution with its own target (started and stopped within it), so calls may run concurrently in one JVM.
 */
public final class ContractRunner {
    /** Package of the suites. */
    public static final String SUITES = "io.aoaigw.harness.contract";

    /**
     * The suites run side by side (their checks mostly wait on the chain's latency), the checks of one suite in
     * order. The same settings are in the pom's {@code contract} profile.
     */
    public static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
            "junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");

    private ContractRunner() {
    }

    /**
     * Runs every contract suite (classes tagged "contract" in io.aoaigw.harness.contract) in a fresh JUnit Launcher
     * execution with these configuration parameters (e.g. harness.topology=FILE), returns the summary; writes no
     * report file unless config says so (harness.summary.out=FILE).
     */
    public static ContractSummary run(Map<String, String> configurationParameters) {
        Map<String, String> config = new HashMap<>(PARALLEL);
        config.putAll(configurationParameters);
        // explicit parameters win over JVM system properties: a -D of the outer run must not leak in
        for (String key : new String[] {HarnessConfig.TARGET, HarnessConfig.ENDPOINTS, HarnessConfig.CALLS_OUT,
                HarnessConfig.SUMMARY_OUT, HarnessConfig.GITHUB_SUMMARY}) {
            config.putIfAbsent(key, "");
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SUITES))
                .filters(TagFilter.includeTags(ContractStep.TAG))
                .configurationParameters(config)
                .build();
        SummaryCollector collector = new SummaryCollector();
        // no listener found on the class path (the top-level summary writer, Allure) unless asked for: a detection
        // run over many broken topologies must not print tables or fill the Allure report with expected failures
        LauncherConfig.Builder launcher = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(collector);
        if ("true".equals(config.get(HarnessConfig.ALLURE))) {
            launcher.addTestExecutionListeners(new AllureJunitPlatform());
        }
        LauncherFactory.create(launcher.build()).execute(request);
        ContractSummary summary = collector.summary();
        new SummaryOutputs(new HarnessConfig(key -> java.util.Optional.ofNullable(config.get(key))),
                System::getenv, System.out).nested(summary);
        return summary;
    }
}
