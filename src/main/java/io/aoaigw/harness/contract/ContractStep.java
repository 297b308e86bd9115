package io.aoaigw.harness.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one annotation a contract suite carries: marks it as the checks of one setup step of topology.md, tags it
 * {@value #TAG} (what {@link ContractRunner} and the pom's {@code contract} profile select) and wires it to its target
 * through {@link ContractExtension}. The summary, the console table and the Allure feature are named from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(ContractStep.TAG)
@ExtendWith(ContractExtension.class)
public @interface ContractStep {
    /** The JUnit tag of every contract suite. */
    String TAG = "contract";

    /** "S1" … "S10". */
    String id();

    /** e.g. "Managed identity and role". */
    String title();

    /** What "correct" means for this step (the Allure description). */
    String correct();
}
