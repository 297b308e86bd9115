package io.aoaigw.harness.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What must answer before a check can say anything useful. Each is probed once per run; when one is down the check
 * fails at once with one line ("S1: gateway http://… unreachable: connection refused — check …").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
    Need[] value();

    /** A prerequisite of a check. */
    enum Need { ARM, GATEWAY }
}
