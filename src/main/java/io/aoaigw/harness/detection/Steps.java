package io.aoaigw.harness.detection;

import java.util.List;
import java.util.stream.IntStream;

/** The setup steps S1–S10 of topology.md, in order: the columns of the detection matrix. */
public final class Steps {
    public static final List<String> ALL = IntStream.rangeClosed(1, 10).mapToObj(i -> "S" + i).toList();

    private Steps() {
    }

    public static boolean isStep(String id) {
        return ALL.contains(id);
    }
}
