package io.aoaigw.harness.spec.arm;

import java.util.Optional;

/** What the walk adds to a GET beyond api-version. */
final class ArmSpecQueries {
    private ArmSpecQueries() {
    }

    /** For the emulated topology: nothing extra. */
    static ArmSpecWalk.Queries emulated() {
        return (operation, resource) -> Optional.of("");
    }
}
