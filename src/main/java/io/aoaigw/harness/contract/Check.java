package io.aoaigw.harness.contract;

import io.aoaigw.harness.target.ResolvedTarget;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The check being run, injected into test methods: records how it was established ({@code detail}, shown in the
 * summary) and runs inside-view evidence where there is an inside view, the named substitute elsewhere.
 */
public final class Check {
    static final String DETAIL = "detail";
    private final ExtensionContext context;
    private final ResolvedTarget target;

    Check(ExtensionContext context, ResolvedTarget target) {
        this.context = context;
        this.target = target;
    }

    /** A line of the check's detail in the summary (secrets redacted). */
    public void detail(String format, Object... args) {
        context.publishReportEntry(DETAIL, target.redactor().redact(args.length == 0 ? format
                : String.format(format, args)));
    }

    /**
     * Establishes the check from the emulator's inside view when the target has one ({@code view} present), else from
     * {@code substitute}, the best observable evidence, described by {@code what}; the detail says which was used.
     */
    public <V> void insideViewOr(Optional<V> view, Consumer<V> inside, String what, Runnable substitute) {
        if (view.isPresent()) {
            inside.accept(view.get());
            detail("inside view: the embedded emulator (admin API)");
        } else {
            substitute.run();
            detail("real target, no inside view: established from %s", what);
        }
    }
}
