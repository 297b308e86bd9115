package io.aoaigw.harness.cli;

/** Lets tests of other packages run the launcher in-process. */
public final class MergeTestAccess {
    private MergeTestAccess() {
    }

    public static int run(String... args) {
        return Main.run(args);
    }
}
