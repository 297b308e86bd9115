package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.List;

/**
 * The one check of an account's {@link Faults}, wherever they come from: the topology file
 * ({@code accounts[i].faults}) or the admin API ({@code PUT /admin/accounts/{name}/faults}).
 */
public final class FaultsValidator {
    private FaultsValidator() {
    }

    /** The problems of {@code f}, at paths under {@code path} (e.g. {@code faults.errorStatus}). */
    public static List<Problem> problems(Faults f, String path) {
        Problems problems = new Problems();
        String p = path + ".";
        problems.check(f.slowMs() >= 0, p + "slowMs", "must be >= 0");
        problems.check(f.errorStatus() == 500 || f.errorStatus() == 503, p + "errorStatus", "must be 500 or 503");
        problems.check(f.errorCount() >= 0, p + "errorCount", "must be >= 0");
        problems.check(f.cutAfterFrames() >= 0, p + "cutAfterFrames", "must be >= 0");
        problems.check(f.throttleCount() >= 0, p + "throttleCount", "must be >= 0");
        problems.check(f.throttleRetryAfterMs() >= 0, p + "throttleRetryAfterMs", "must be >= 0");
        return problems.list();
    }
}
