package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.contract.CheckResult;
import io.aoaigw.harness.contract.ContractRunner;
import io.aoaigw.harness.contract.ContractSummary;
import io.aoaigw.harness.contract.StepResult;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.arm.ArmRequestRecord;
import io.aoaigw.harness.target.HarnessConfig;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.target.TargetFile;
import io.aoaigw.harness.target.TargetLoader;
import io.aoaigw.harness.testsupport.ArmRequestSeen;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discover} against the embedded topology's ARM (its endpoints JSON, as {@code emulate} writes it): the target
 * file it drafts names the topology's resources, passes {@code check-target}, holds no key, was read with GETs
 * only, and the contract suites pass with it (its {@code arm.endpoints} points them at the same loopback ARM); bad
 * input is one line and exit 2.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class DiscoverCommandTest {

    @Test
    void draftsATargetFileOfTheTopologyThatCheckTargetAccepts(EmbeddedTopology embedded, @TempDir Path dir)
            throws Exception {
        Topology t = embedded.topology();
        Path endpoints = endpoints(embedded.endpoints(), dir);
        Path out = dir.resolve("discovered.yaml");
        AdminClient admin = new AdminClient(embedded.endpoints().admin().url());
        int before = ArmRequestSeen.all(admin).size();

        Result r = run("discover", "--subscription", t.subscriptionId(), "--resource-group", t.resourceGroup(),
                "--endpoints", endpoints.toString(), "--out", out.toString());

        assertThat(r.exit).as(r.err).isZero();
        TargetFile f = TargetLoader.load(out);
        assertThat(f.subscriptionId()).isEqualTo(t.subscriptionId());
        assertThat(f.tenantId()).isEqualTo(t.tenantId());
        assertThat(f.apim().service()).isEqualTo(t.apim().name());
        assertThat(f.apim().apiId()).isEqualTo(t.apim().api().id());
        assertThat(f.frontDoor()).isEqualTo(new TargetFile.FrontDoor(t.frontDoor().profile(),
                t.frontDoor().endpoint(), t.frontDoor().originGroup().name()));
        assertThat(f.accounts()).containsExactlyInAnyOrderElementsOf(t.frontDoor().origins().stream()
                .map(o -> o.account()).toList());
        assertThat(f.expectedDeployments()).extracting(TargetFile.ExpectedDeployment::id)
                .containsExactlyInAnyOrderElementsOf(commonDeployments(t));
        assertThat(f.apim().subscriptionKeys()).containsOnlyKeys("active");
        String text = Files.readString(out);
        secrets(embedded.endpoints()).forEach(s -> assertThat(text).doesNotContain(s));
        assertThat(ArmRequestSeen.since(admin, before)).isNotEmpty().allSatisfy(c ->
                assertThat(c.method()).isEqualTo("GET"));

        Path secretsFile = Files.writeString(dir.resolve("secrets.env"), "AOAI_HARNESS_KEY=not-a-real-key\n");
        Result check = run("check-target", "--secrets", secretsFile.toString(), out.toString());
        assertThat(check.exit).as(check.err).isZero();
    }

    /**
     * Its own topology: default.yaml with a wide Front Door latency band. Without the emulator's inside view S9 judges
     * the spread against the weights alone, and on a busy machine probe latencies differ by more than the default
     * 50 ms band, which (rightly) narrows Front Door to the fastest origin; that is S9's own subject, not this test's.
     */
    @Test
    void theContractSuitesPassWithTheDraftedFile(@TempDir Path dir) throws Exception {
        Path healthy = Path.of("scenarios/topologies/default.yaml");
        String yaml = Files.readString(healthy);
        assertThat(yaml).contains("additionalLatencyInMilliseconds: 50");
        Topology t = TopologyLoader.parse(healthy, yaml.replace("additionalLatencyInMilliseconds: 50",
                "additionalLatencyInMilliseconds: 5000"));
        try (EmbeddedTopology embedded = EmbeddedTopology.start(t, Files.createDirectories(dir.resolve("e")))) {
            Path out = dir.resolve("discovered.yaml");
            assertThat(run("discover", "--subscription", t.subscriptionId(), "--resource-group", t.resourceGroup(),
                    "--endpoints", endpoints(embedded.endpoints(), dir).toString(), "--out", out.toString()).exit)
                    .isZero();
            String active = embedded.endpoints().apim().subscriptions().stream()
                    .filter(s -> "active".equalsIgnoreCase(s.state())).findFirst().orElseThrow().primaryKey();
            Path secretsFile = Files.writeString(dir.resolve("secrets.env"), "AOAI_HARNESS_KEY=" + active + "\n");

            ContractSummary summary = ContractRunner.run(Map.of(HarnessConfig.TARGET, out.toString(),
                    HarnessConfig.SECRETS, secretsFile.toString(),
                    HarnessConfig.SUMMARY_OUT, dir.resolve("contract-summary.json").toString()));

            assertThat(summary.target()).isEqualTo("target file " + out);
            assertThat(summary.steps()).hasSize(10).allSatisfy(step -> assertThat(step.status())
                    .as(step.id() + ": " + step.checks()).isIn(StepResult.PASSED, StepResult.SKIPPED));
            assertThat(summary.steps()).anySatisfy(step -> assertThat(step.status()).isEqualTo(StepResult.PASSED));
            // the real-target paths of the checks that once needed the inside view run, and pass
            java.util.List<CheckResult> checks = summary.steps().stream()
                    .flatMap(step -> step.checks().stream()).toList();
            assertThat(checks).filteredOn(c -> c.name().equals("specIsServedWithTheGatewayAsServer")
                            || c.name().equals("everyOriginPassesItsHealthProbe"))
                    .hasSize(2).allSatisfy(c -> assertThat(c.status()).as(c.name() + ": " + c.detail())
                            .isEqualTo(StepResult.PASSED));
            assertThat(checks).filteredOn(c -> c.name().equals("everyOriginPassesItsHealthProbe")).singleElement()
                    .satisfies(c -> assertThat(c.detail()).contains("OriginHealthPercentage"));
        }
    }

    @Test
    void withoutOutTheDraftIsPrintedWithTheSuspendedSubscriptionAsAChoice(EmbeddedTopology embedded,
                                                                         @TempDir Path dir) throws IOException {
        Topology t = embedded.topology();

        Result r = run("discover", "--subscription", t.subscriptionId(), "--resource-group", t.resourceGroup(),
                "--endpoints", endpoints(embedded.endpoints(), dir).toString());

        assertThat(r.exit).as(r.err).isZero();
        String suspended = embedded.endpoints().apim().subscriptions().stream()
                .filter(s -> "suspended".equalsIgnoreCase(s.state())).findFirst().orElseThrow().name();
        assertThat(r.out).contains("apim:\n  service: " + t.apim().name(), "# suspended subscriptions: " + suspended,
                "    # suspended: AOAI_HARNESS_SUSPENDED_KEY");
    }

    @Test
    void anUnknownResourceGroupIsOneLineAndExit2(EmbeddedTopology embedded, @TempDir Path dir) throws IOException {
        Result r = run("discover", "--subscription", embedded.topology().subscriptionId(), "--resource-group",
                "rg-nope", "--endpoints", endpoints(embedded.endpoints(), dir).toString());

        assertThat(r.exit).isEqualTo(Main.EXIT_BAD_INPUT);
        // a reader of one group is not told whether another exists: Azure answers 403 before it looks
        assertThat(r.err.lines()).singleElement().asString().contains("rg-nope", "AuthorizationFailed",
                "give the identity Reader on it");
    }

    @Test
    void anUnreachableArmIsOneLineAndExit2(EmbeddedTopology embedded, @TempDir Path dir) throws IOException {
        Endpoints e = embedded.endpoints();
        Endpoints dead = new Endpoints(e.apim(), e.frontDoor(), e.accounts(), e.identity(),
                new Endpoints.Arm("https://127.0.0.1:1/", e.arm().subscriptionId(), e.arm().resourceGroup()),
                e.admin(), e.tls());

        Result r = run("discover", "--subscription", e.arm().subscriptionId(), "--resource-group",
                e.arm().resourceGroup(), "--endpoints", endpoints(dead, dir).toString());

        assertThat(r.exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err.lines()).singleElement().asString().contains("https://127.0.0.1:1/", "unreachable");
    }

    @Test
    void anEndpointsFileOffLoopbackIsRefused(EmbeddedTopology embedded, @TempDir Path dir) throws IOException {
        Endpoints e = embedded.endpoints();
        Endpoints remote = new Endpoints(e.apim(), e.frontDoor(), e.accounts(), e.identity(),
                new Endpoints.Arm("https://management.azure.com/", e.arm().subscriptionId(),
                        e.arm().resourceGroup()), e.admin(), e.tls());

        Result r = run("discover", "--subscription", e.arm().subscriptionId(), "--resource-group",
                e.arm().resourceGroup(), "--endpoints", endpoints(remote, dir).toString());

        assertThat(r.exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err.lines()).singleElement().asString().contains("management.azure.com");
    }

    private static List<String> commonDeployments(Topology t) {
        List<String> ids = new ArrayList<>(t.accounts().get(0).deployments().stream().map(Deployment::id).toList());
        for (Account a : t.accounts()) {
            ids.retainAll(a.deployments().stream().map(Deployment::id).toList());
        }
        return ids;
    }

    private static Stream<String> secrets(Endpoints e) {
        return Stream.concat(Stream.concat(e.apim().subscriptions().stream().map(Endpoints.Subscription::primaryKey),
                e.accounts().stream().map(Endpoints.Account::apiKey)), Stream.of(e.identity().clientSecret()))
                .filter(s -> s != null && !s.isBlank());
    }

    private static Path endpoints(Endpoints e, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "endpoints", ".json");
        EndpointsFile.write(e, file);
        return file;
    }

    private record Result(int exit, String err, String out) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, err.toString(), out.toString());
    }
}
