package io.aoaigw.harness.detection;

import java.util.List;

/**
 * One broken deployment of the catalogue: the healthy topology with {@code mutations} applied.
 *
 * @param name        the entry's name, equal to its file name without {@code .yaml}
 * @param description one line: the mistake an operator made (and, for mistakes found in the wild, the source URL)
 * @param why         why these steps fail: which check sees the mistake, by configuration and by behaviour
 * @param expectFail  the steps that must fail: the entry is caught only when every one of them fails
 * @param mayFail     steps that may fail too as a consequence (typically the behavioural checks of a broken chain);
 *                    a failure outside {@code expectFail} and {@code mayFail} is flagged as unexpected
 * @param underLoad   the mistake shows in timings or spread (buffering, distribution): the runner runs the entry
 *                    alone, after the others, so no other traffic skews the S6/S9 behaviour checks
 * @param mutations   the changes, applied in order to the healthy topology's YAML tree
 */
public record CatalogueEntry(String name, String description, String why, List<String> expectFail,
                             List<String> mayFail, Boolean underLoad, List<Mutation> mutations) {

    public CatalogueEntry {
        expectFail = expectFail == null ? List.of() : List.copyOf(expectFail);
        mayFail = mayFail == null ? List.of() : List.copyOf(mayFail);
        underLoad = underLoad != null && underLoad;
        mutations = mutations == null ? List.of() : List.copyOf(mutations);
    }
}
