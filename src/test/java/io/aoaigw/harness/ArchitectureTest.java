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
 * The dependency rules of docs/architecture.md, on the compiled main code: the model depends on nothing of ours, the
 * emulator on nothing of the harness (it could ship alone), and the harness sees the emulator only through the seams
 * that also exist for a real deployment's stand-ins — the endpoints file and its trust material — except the launcher,
 * which starts one.
 */
class ArchitectureTest {
    private static final String ROOT = "io.aoaigw.harness";
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theTopologyModelDependsOnNothingElseOfOurs() {
        holds(noClasses().that().resideInAPackage(ROOT + ".topology..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".emulator..", ROOT + ".inventory..",
                        ROOT + ".load..", ROOT + ".report..", ROOT + ".detection..", ROOT + ".target..",
                        ROOT + ".cli..", ROOT + ".discover..", ROOT + ".capacity..", ROOT + ".secrets.."));
    }

    @Test
    void theEmulatorNeverDependsOnHarnessCode() {
        holds(noClasses().that().resideInAPackage(ROOT + ".emulator..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".inventory..", ROOT + ".load..",
                        ROOT + ".report..", ROOT + ".detection..", ROOT + ".target..", ROOT + ".cli..",
                        ROOT + ".discover..", ROOT + ".capacity..", ROOT + ".secrets.."));
    }

    @Test
    void harnessCodeSeesTheEmulatorOnlyThroughTheEndpointsFileAndItsTrust() {
        DescribedPredicate<JavaClass> emulatorInside = DescribedPredicate.describe(
                "emulator classes other than the endpoints file (Endpoints, EndpointsFile) and its trust (emulator.tls)",
                c -> c.getPackageName().startsWith(ROOT + ".emulator")
                        && !c.getPackageName().startsWith(ROOT + ".emulator.tls")
                        && !c.getName().startsWith(ROOT + ".emulator.Endpoints"));
        holds(noClasses().that().resideInAnyPackage(ROOT + ".inventory..", ROOT + ".load..", ROOT + ".report..",
                        ROOT + ".detection..", ROOT + ".target..", ROOT + ".discover..", ROOT + ".capacity..",
                        ROOT + ".secrets..")
                .should().dependOnClassesThat(emulatorInside));
    }

    @Test
    void onlyTheLauncherStartsAnEmbeddedTopology() {
        holds(noClasses().that().resideOutsideOfPackage(ROOT + ".cli..").and().resideOutsideOfPackage(ROOT
                        + ".emulator..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".emulator.EmbeddedTopology"));
    }

    private static void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
