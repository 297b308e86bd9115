package io.aoaigw.harness.archfixture;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.topology.Topology;
import java.nio.file.Path;

/**
 * The same question asked the allowed way: start a topology, then read its ground truth over the admin API named by
 * its endpoints. ArchitectureTest shows its rule accepts this class. Never called.
 */
final class StaysOnTheSeams {
    private StaysOnTheSeams() {
    }

    static long requestsSeen(Topology topology, Path dir, String account) {
        try (EmbeddedTopology embedded = EmbeddedTopology.start(topology, dir)) {
            return new AdminClient(embedded.endpoints().admin().url())
                    .get("/admin/accounts/" + account + "/ground-truth").path("total").asLong();
        }
    }
}
