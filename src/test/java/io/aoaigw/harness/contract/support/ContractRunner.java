package io.aoaigw.harness.contract.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
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
    private static final String DEACTIVATE = "junit.platform.execution.listeners.deactivate";
    private static final String ALLURE_LISTENER = "io.qameta.allure.junitplatform.AllureJunitPlatform";

    private ContractRunner() {
    }

    /**
     * Runs every contract suite (classes tagged "contract" in io.aoaigw.harness.contract) in a fresh JUnit Launcher
     * execution with these configuration parameters (e.g. harness.topology=FILE), returns the summary; writes no
     * report file unless config says so (harness.summary.out=FILE).
     */
    public static ContractSummary run(Map<String, String> configurationParameters) {
        Map<String, String> config = new HashMap<>(configurationParameters);
        // explicit parameters win over JVM system properties: a -D of the outer run must not leak in
        for (String key : new String[] {HarnessConfig.TARGET, HarnessConfig.ENDPOINTS, HarnessConfig.CALLS_OUT,
                HarnessConfig.SUMMARY_OUT, HarnessConfig.GITHUB_SUMMARY}) {
            config.putIfAbsent(key, "");
        }
        boolean allure = "true".equals(config.get(HarnessConfig.ALLURE));
        config.putIfAbsent(DEACTIVATE, ContractSummaryListener.class.getName() + (allure ? "" : "," + ALLURE_LISTENER));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SUITES))
                .filters(TagFilter.includeTags("contract"))
                .configurationParameters(config)
                .build();
        SummaryCollector collector = new SummaryCollector();
        LauncherFactory.create().execute(request, collector);
        ContractSummary summary = collector.summary();
        new SummaryOutputs(new HarnessConfig(key -> java.util.Optional.ofNullable(config.get(key))),
                System::getenv, System.out).nested(summary);
        return summary;
    }
}
