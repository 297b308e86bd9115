package io.aoaigw.harness.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.aoaigw.harness.contract.support.Urls;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.target.EmbeddedTargets;
import io.aoaigw.harness.target.HarnessConfig;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.ArmRequestSeen;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the contract run promises, proven on whole runs through {@link ContractRunner}: the healthy topology passes
 * every step; ARM is only read; nothing outside the target is called; no key or token reaches a report, an Allure
 * attachment or a log; an unreachable target fails every check at once with one line naming what to check.
 */
class ContractGuaranteesTest {
    private static final String DEFAULT = HarnessConfig.DEFAULT_TOPOLOGY;

    @TempDir
    Path dir;

    @Test
    void healthyTopologyPassesEveryStepWhileABrokenOneBesideItFailsOnlyItsStep() throws Exception {
        Path json = dir.resolve("summary.json");
        Path markdown = dir.resolve("step-summary.md");
        Files.writeString(markdown, "earlier job output\n");
        Path broken = dir.resolve("other-model-version.yaml");
        String healthy = Files.readString(Path.of(DEFAULT));
        String gpt4o = "{id: gpt-4o, model: gpt-4o, version: \"2024-08-06\"";
        int last = healthy.lastIndexOf(gpt4o);
        assertThat(last).as("default.yaml names gpt-4o's version").isPositive();
        Files.writeString(broken, healthy.substring(0, last)
                + gpt4o.replace("2024-08-06", "2024-05-13") + healthy.substring(last + gpt4o.length()));

        CompletableFuture<ContractSummary> other = CompletableFuture.supplyAsync(() ->
                ContractRunner.run(Map.of(HarnessConfig.TOPOLOGY, broken.toString())));
        ContractSummary summary = ContractRunner.run(Map.of(HarnessConfig.TOPOLOGY, DEFAULT,
                HarnessConfig.SUMMARY_OUT, json.toString(), HarnessConfig.GITHUB_SUMMARY, markdown.toString()));
        ContractSummary brokenSummary = other.get(5, TimeUnit.MINUTES);

        assertThat(summary.steps()).extracting(StepResult::id)
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");
        assertThat(summary.steps()).allSatisfy(step -> assertThat(step.status()).as(step.id() + " " + step.checks())
                .isEqualTo(StepResult.PASSED));
        assertThat(summary.steps()).allSatisfy(step -> assertThat(step.checks()).isNotEmpty());
        assertThat(summary.target()).isEqualTo("embedded topology " + DEFAULT);
        assertThat(SummaryJson.read(json)).isEqualTo(summary);
        assertThat(Files.readString(markdown)).startsWith("earlier job output\n")
                .contains("### Contract suites: passed").contains("| S10 | Same deployments on every account | passed |");
        assertThat(brokenSummary.steps()).filteredOn(step -> !step.status().equals(StepResult.PASSED))
                .singleElement().satisfies(step -> {
                    assertThat(step.id()).isEqualTo("S10");
                    assertThat(step.checks()).filteredOn(c -> c.status().equals(StepResult.FAILED)).singleElement()
                            .satisfies(c -> assertThat(c.detail()).startsWith("S10: deployment 'gpt-4o' is gpt-4o "
                                    + "2024-08-06 on [aoai-eastus, aoai-westeurope] but gpt-4o 2024-05-13 on "
                                    + "[aoai-swedencentral]: redeploy it"));
                });
    }

    @Test
    void runReadsArmOnlyCallsOnlyItsTargetAndLeaksNoSecret() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        Path endpointsFile = dir.resolve("endpoints.json");
        Path calls = dir.resolve("calls.txt");
        Path json = dir.resolve("summary.json");
        ContractSummary summary;
        Endpoints endpoints;
        List<ArmRequestSeen> armRequests;
        long refusedWrites;
        try (EmbeddedTopology embedded = EmbeddedTopology.start(TopologyLoader.load(Path.of(DEFAULT)), dir)) {
            endpoints = embedded.endpoints();
            EndpointsFile.write(endpoints, endpointsFile);
            logs.start();
            root.addAppender(logs);
            root.setLevel(Level.INFO);
            try {
                summary = ContractRunner.run(Map.of(HarnessConfig.TOPOLOGY, DEFAULT,
                        HarnessConfig.ENDPOINTS, endpointsFile.toString(), HarnessConfig.CALLS_OUT, calls.toString(),
                        HarnessConfig.SUMMARY_OUT, json.toString(), HarnessConfig.ALLURE, "true"));
            } finally {
                root.setLevel(level);
                root.detachAppender(logs);
            }
            AdminClient admin = new AdminClient(endpoints.admin().url());
            armRequests = ArmRequestSeen.all(admin);
            refusedWrites = ArmRequestSeen.refusedWrites(admin);
        }

        assertThat(summary.passed()).as(summary.toString()).isTrue();
        assertThat(armRequests).isNotEmpty().allSatisfy(r -> assertThat(r.method()).as(r.toString()).isEqualTo("GET"));
        assertThat(refusedWrites).isZero();

        Set<String> allowed = Stream.of(endpoints.apim().gatewayUrl(), endpoints.arm().endpoint(),
                endpoints.identity().authorityHost(), endpoints.admin().url()).map(Urls::authority)
                .collect(Collectors.toSet());
        List<String> called = Files.readAllLines(calls);
        assertThat(called).as("calls of the run").hasSizeGreaterThan(50);
        assertThat(called).allSatisfy(line -> assertThat(Urls.authority(line.substring(line.indexOf(' ') + 1)))
                .as(line).isIn(allowed));
        assertThat(called).anyMatch(l -> l.contains(Urls.authority(endpoints.arm().endpoint())))
                .anyMatch(l -> l.contains(Urls.authority(endpoints.apim().gatewayUrl())));

        Redactor secrets = Redactor.of(EmbeddedTargets.secrets(endpoints));
        List<Path> attachments = allureFilesSince(started);
        assertThat(attachments).as("Allure attachments of this run").hasSizeGreaterThan(20);
        assertThat(attachments.stream().map(ContractGuaranteesTest::read)).as("some attachment shows a masked key")
                .anyMatch(text -> text.contains(Redactor.MASK));
        List<String> texts = new ArrayList<>(attachments.stream().map(ContractGuaranteesTest::read).toList());
        texts.add(Files.readString(json));
        texts.add(String.join("\n", called));
        texts.add(logs.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).collect(Collectors.joining("\n")));
        assertThat(secrets.secrets()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(texts).allSatisfy(text -> assertThat(secrets.leaks(text)).as(abbreviate(text)).isFalse());
    }

    @Test
    void unreachableTargetFailsEveryCheckAtOnceWithOneLineNamingWhatToCheck() throws IOException {
        Endpoints closed = closedEndpoints();
        Path file = dir.resolve("closed-endpoints.json");
        EndpointsFile.write(closed, file);

        ContractSummary summary = ContractRunner.run(Map.of(HarnessConfig.TOPOLOGY, DEFAULT,
                HarnessConfig.ENDPOINTS, file.toString()));

        assertThat(summary.steps()).hasSize(10).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo(StepResult.FAILED);
            assertThat(step.checks()).isNotEmpty().allSatisfy(check -> {
                assertThat(check.status()).isEqualTo(StepResult.FAILED);
                assertThat(check.detail()).startsWith(step.id() + ": ").doesNotContain("\n").doesNotContain("\tat ")
                        .contains("unreachable: connection refused").endsWith("check the topology file " + DEFAULT);
            });
        });
        assertThat(summary.steps().get(0).checks()).extracting(c -> c.detail())
                .anyMatch(d -> d.startsWith("S1: gateway " + closed.apim().gatewayUrl() + " unreachable"))
                .anyMatch(d -> d.startsWith("S1: Resource Manager " + closed.arm().endpoint() + " unreachable"));
    }

    @Test
    void unusableTargetFileIsSaidOnceInOneLineNamingTheFileAndNothingElseRuns() {
        ContractSummary summary = ContractRunner.run(Map.of(HarnessConfig.TARGET, "scenarios/targets/missing.yaml"));

        List<CheckResult> checks = summary.steps().stream().flatMap(step -> step.checks().stream()).toList();
        assertThat(summary.steps()).hasSize(10);
        assertThat(checks).filteredOn(c -> c.status().equals(StepResult.FAILED)).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains(": cannot use target file "
                        + "scenarios/targets/missing.yaml").doesNotContain("\n"));
        assertThat(checks).filteredOn(c -> !c.status().equals(StepResult.FAILED)).hasSize(checks.size() - 1)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(StepResult.SKIPPED));
        assertThat(summary.target()).isEqualTo("target file scenarios/targets/missing.yaml");
    }

    /** A topology's endpoints where nothing listens: ports bound and released again, a real trust store. */
    private Endpoints closedEndpoints() throws IOException {
        Endpoints.Tls tls = io.aoaigw.harness.emulator.tls.EmulatorTls.generate()
                .writeTrustStore(dir.resolve("truststore.p12"));
        String http = "http://127.0.0.1:" + closedPort();
        String https = "https://127.0.0.1:" + closedPort();
        return new Endpoints(new Endpoints.Apim(http, List.of(new Endpoints.Subscription("smoke", "aoai-standard",
                "active", "0123456789abcdef0123456789abcdef"))), new Endpoints.FrontDoor(http), List.of(),
                new Endpoints.Identity(https, "72f988bf-0000-4000-8000-00000000a1b2", "client", "secret-value",
                        https + "/msi/token", "header-value"),
                new Endpoints.Arm(https + "/", "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "rg-aoai-gateway"),
                new Endpoints.Admin("http://127.0.0.1:" + closedPort()), tls);
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<Path> allureFilesSince(Instant since) throws IOException {
        Path results = Path.of("target/allure-results");
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(f -> modifiedSince(f, since)).toList();
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(since)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
