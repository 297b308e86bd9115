package io.aoaigw.harness.spec.arm;

import java.util.Optional;

/** What the walk adds to a GET beyond api-version. */
final class ArmSpecQueries {
    private ArmSpecQueries() {
    }

    /** For the emulated topology: the export format the inventory reads (S2), nothing else. */
    static ArmSpecWalk.Queries emulated() {
        return (operation, resource) -> Optional.of(operation.operationId().equals("ApiExport_Get")
                ? "format=" + java.net.URLEncoder.encode("openapi+json-link", java.nio.charset.StandardCharsets.UTF_8)
                : "");
    }
}
