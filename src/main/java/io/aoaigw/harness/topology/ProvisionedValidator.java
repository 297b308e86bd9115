package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.List;

/**
 * A deployment's sku against its {@code ptu}: a provisioned sku needs a PTU count and a model Microsoft publishes a
 * throughput per PTU for; a pay-as-you-go sku takes no PTU count (it would be silently ignored).
 */
final class ProvisionedValidator {
    private ProvisionedValidator() {
    }

    static List<Problem> problems(Deployment d, String path) {
        Problems problems = new Problems();
        if (d.provisioned()) {
            problems.check(d.ptu() != null && d.ptu() > 0, path + ".ptu",
                    "sku " + d.sku() + " needs ptu > 0 (its provisioned throughput units)");
            problems.check(d.model() == null || ProvisionedThroughput.rateOf(d.model()) != null, path + ".model",
                    "no published input TPM per PTU for model " + d.model() + " (docs/emulator.md lists the models)");
        } else {
            problems.check(d.ptu() == null, path + ".ptu", "only for a provisioned sku (ProvisionedManaged, "
                    + "GlobalProvisionedManaged, DataZoneProvisionedManaged), not " + d.sku());
        }
        return problems.list();
    }
}
