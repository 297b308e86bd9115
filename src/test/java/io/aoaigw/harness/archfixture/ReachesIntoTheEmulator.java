package io.aoaigw.harness.archfixture;

import io.aoaigw.harness.emulator.EmbeddedTopology;

/**
 * Breaks the harness ↔ emulator seam on purpose: ArchitectureTest shows that its rule over test and simulation code
 * catches this class (ground truth read from the account object instead of the admin API). Never called.
 */
final class ReachesIntoTheEmulator {
    private ReachesIntoTheEmulator() {
    }

    static long requestsSeen(EmbeddedTopology embedded, String account) {
        return embedded.account(account).groundTruth().total();
    }
}
