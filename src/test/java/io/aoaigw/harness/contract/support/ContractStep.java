package io.aoaigw.harness.contract.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a contract suite as the checks of one setup step of topology.md and wires it to its target through
 * {@link ContractExtension}. The summary, the console table and the Allure feature are named from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ContractExtension.class)
public @interface ContractStep {
    /** "S1" … "S10". */
    String id();

    /** e.g. "Managed identity and role". */
    String title();

    /** What "correct" means for this step (the Allure description). */
    String correct();
}
