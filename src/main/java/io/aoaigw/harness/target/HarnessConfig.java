package io.aoaigw.harness.target;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration parameters of a run: JUnit configuration parameters (which fall back to JVM system properties)
 * for the contract suites, system properties for the load simulations. A value that is blank or an uninterpolated
 * Maven expression ({@code ${harness.target}}) counts as unset, so an empty {@code -D} from the pom never selects a
 * target.
 */
public final class HarnessConfig {
    /** A real deployment's target file (scenarios/targets/…). */
    public static final String TARGET = "harness.target";
    /** The embedded topology file; default {@value #DEFAULT_TOPOLOGY}. */
    public static final String TOPOLOGY = "harness.topology";
    /** The endpoints JSON of an embedded topology already running ({@code emulate --endpoints-out}). */
    public static final String ENDPOINTS = "harness.endpoints";
    /** A secrets file ({@code VARIABLE=value}) for key variables the environment lacks. */
    public static final String SECRETS = "harness.secrets";
    /** Where the contract summary JSON goes; top-level runs default to {@value #DEFAULT_SUMMARY}, nested ones none. */
    public static final String SUMMARY_OUT = "harness.summary.out";
    /** The Markdown summary file; defaults to $GITHUB_STEP_SUMMARY in top-level runs. */
    public static final String GITHUB_SUMMARY = "harness.summary.github";
    /** Where the URLs the suites called are written (one per line, no query), for the guarantees test. */
    public static final String CALLS_OUT = "harness.calls.out";
    /** "true" keeps Allure results in runs started by the contract runner (off by default there). */
    public static final String ALLURE = "harness.allure";

    public static final String DEFAULT_TOPOLOGY = "scenarios/topologies/default.yaml";
    public static final String DEFAULT_SUMMARY = "reports/contract-summary.json";

    private final Function<String, Optional<String>> lookup;

    public HarnessConfig(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Optional<String> value(String key) {
        return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }

    public Optional<Path> path(String key) {
        return value(key).map(Path::of);
    }

    /** The JVM's system properties ({@code -D}), as the load simulations read them. */
    public static HarnessConfig systemProperties() {
        return new HarnessConfig(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** "target file X" or "embedded topology Y": names files only, never a secret. */
    public String describeTarget() {
        return TargetSpec.of(this).describe();
    }
}
