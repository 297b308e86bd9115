package io.aoaigw.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md. On the compiled main code: the model and the host rules depend on
 * nothing of ours, the emulator on nothing of the harness (it could ship alone), and the harness sees the emulator
 * only through the seams that also exist for a real deployment's stand-ins — the endpoints file and its trust
 * material — except the launcher and the target resolver, which start one — and the target model and the contract
 * runner depend on no other runner. On test and simulation code: harness tests and simulations may
 * start a topology, but read it only through its endpoints file and admin API (the fixtures in {@code archfixture}
 * show the rule catching a class that does not).
 */
class ArchitectureTest {
    private static final String ROOT = "io.aoaigw.harness";
    private static final String FIXTURES = ROOT + ".archfixture..";
    private static final String[] HARNESS = {ROOT + ".inventory..", ROOT + ".load..", ROOT + ".report..",
            ROOT + ".detection..", ROOT + ".target..", ROOT + ".contract..", ROOT + ".discover..",
            ROOT + ".capacity..", ROOT + ".secrets.."};
    private static final String EMBEDDED_TOPOLOGY = ROOT + ".emulator.EmbeddedTopology";
    private static JavaClasses main;
    private static JavaClasses tests;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theHostRulesDependOnNothingElseOfOurs() {
        holds(noClasses().that().resideInAPackage(ROOT + ".host..")
                .should().dependOnClassesThat(DescribedPredicate.describe("classes of ours outside host",
                        c -> c.getPackageName().startsWith(ROOT) && !c.getPackageName().startsWith(ROOT + ".host"))));
    }

    @Test
    void harnessTestsAndSimulationsSeeTheEmulatorOnlyThroughItsEndpointsAndAdminApi() {
        EvaluationResult result = harnessTestsUseOnlyTheSeams()
                .evaluate(tests.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(FIXTURES))));
        assertThat(result.getFailureReport().getDetails()).as(result.getFailureReport().toString()).isEmpty();
    }

    @Test
    void theTestCodeRuleCatchesAClassReachingIntoTheEmulator() {
        JavaClasses fixtures = tests.that(JavaClass.Predicates.resideInAPackage(FIXTURES));

        EvaluationResult result = harnessTestsUseOnlyTheSeams().evaluate(fixtures);

        assertThat(fixtures).extracting(JavaClass::getSimpleName).contains("ReachesIntoTheEmulator", "StaysOnTheSeams");
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains("ReachesIntoTheEmulator"))
                .anyMatch(line -> line.contains("GroundTruth"));
    }

    @Test
    void theTopologyModelDependsOnNothingElseOfOurs() {
        holds(noClasses().that().resideInAPackage(ROOT + ".topology..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".emulator..", ROOT + ".cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(HARNESS));
    }

    @Test
    void theEmulatorNeverDependsOnHarnessCode() {
        holds(noClasses().that().resideInAPackage(ROOT + ".emulator..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(HARNESS));
    }

    @Test
    void harnessCodeSeesTheEmulatorOnlyThroughTheEndpointsFileAndItsTrust() {
        DescribedPredicate<JavaClass> emulatorInside = DescribedPredicate.describe(
                "emulator classes other than the endpoints file (Endpoints, EndpointsFile), its trust (emulator.tls) "
                        + "and the handle that starts one (EmbeddedTopology)",
                c -> c.getPackageName().startsWith(ROOT + ".emulator")
                        && !c.getPackageName().startsWith(ROOT + ".emulator.tls")
                        && !c.getName().startsWith(ROOT + ".emulator.Endpoints")
                        && !c.getName().equals(EMBEDDED_TOPOLOGY)
                        && !c.getName().equals(ROOT + ".emulator.EmulatorStartException"));
        holds(noClasses().that().resideInAnyPackage(HARNESS).should().dependOnClassesThat(emulatorInside));
    }

    @Test
    void onlyTheLauncherAndTheTargetResolverStartAnEmbeddedTopology() {
        holds(noClasses().that().resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".emulator..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".target.EmbeddedTargets")
                .should().dependOnClassesThat().haveFullyQualifiedName(EMBEDDED_TOPOLOGY));
    }

    @Test
    void theTargetModelDependsOnNoRunnerThatUsesIt() {
        holds(noClasses().that().resideInAPackage(ROOT + ".target..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".contract..", ROOT + ".load..",
                        ROOT + ".cli..", ROOT + ".detection..", ROOT + ".discover..", ROOT + ".report..",
                        ROOT + ".capacity.."));
    }

    @Test
    void theContractRunnerDependsOnNoOtherRunner() {
        holds(noClasses().that().resideInAPackage(ROOT + ".contract..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".load..", ROOT + ".cli..",
                        ROOT + ".detection..", ROOT + ".discover..", ROOT + ".emulator.."));
    }

    /**
     * Test and simulation classes outside the emulator's own tests; the fixtures that start single emulator components
     * for harness tests ({@code testsupport.*EmulatorExtension}) are launchers like {@code EmbeddedTopology}.
     */
    private static ArchRule harnessTestsUseOnlyTheSeams() {
        DescribedPredicate<JavaClass> emulatorInside = DescribedPredicate.describe(
                "emulator classes other than EmbeddedTopology (to start one), the endpoints file and its trust",
                c -> c.getPackageName().startsWith(ROOT + ".emulator")
                        && !c.getPackageName().startsWith(ROOT + ".emulator.tls")
                        && !c.getName().startsWith(ROOT + ".emulator.Endpoints")
                        && !c.getName().equals(ROOT + ".emulator.EmbeddedTopology")
                        && !c.getName().equals(ROOT + ".emulator.EmulatorStartException"));
        DescribedPredicate<JavaClass> launcherFixture = DescribedPredicate.describe("an emulator-starting fixture",
                c -> c.getPackageName().equals(ROOT + ".testsupport")
                        && c.getName().replaceAll("\\$.*", "").endsWith("EmulatorExtension"));
        return noClasses().that().resideOutsideOfPackage(ROOT + ".emulator..")
                .and(DescribedPredicate.not(launcherFixture))
                .should().dependOnClassesThat(emulatorInside);
    }

    private static void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
