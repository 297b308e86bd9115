package io.aoaigw.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.load.LoadProfile;
import io.aoaigw.harness.load.LoadProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every capacity profile (scenarios/load/capacity*.yaml) loads with its topology, the topology predicts a binding
 * limit for its request shape, and the profile drives past that limit and holds there for the window the knee is
 * measured over (KneeDetector: the minute of a token count, 10 s of a request count) — else its run ends partial.
 */
class CapacityExamplesTest {
    /** Prompt tokens beyond the profile's inputTokens as the accounts count them: the unique opening, chat format. */
    private static final int PROMPT_OVERHEAD = 12;

    @Test
    void everyCapacityProfileLoadsAndOutrunsTheBindingLimitItsTopologyPredicts() throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(Path.of("scenarios/load"))) {
            profiles = files.filter(p -> p.getFileName().toString().startsWith("capacity")).sorted().toList();
        }
        assertThat(profiles).extracting(p -> p.getFileName().toString())
                .contains("capacity.yaml", "capacity-tpm.yaml", "capacity-unequal.yaml", "capacity-ptu.yaml");
        for (Path file : profiles) {
            LoadProfileLoader.Loaded loaded = LoadProfileLoader.load(file, Path.of(""));
            LoadProfile p = loaded.profile();
            BindingLimit.Shape shape = new BindingLimit.Shape(p.shape().inputTokens() + PROMPT_OVERHEAD,
                    p.shape().outputTokens());
            BindingLimit b = BindingLimit.of(loaded.topology(), p.deployments().get(0), shape, Set.of())
                    .orElseThrow(() -> new AssertionError(file + ": no binding limit"));
            double offeredPerMin = p.workload().usersPerSec() * 60;
            assertThat(b.requestsPerMin()).as(file + ": binding limit").isPositive();
            assertThat(offeredPerMin).as(file + ": the offered rate passes the limit by a fifth or more")
                    .isGreaterThanOrEqualTo(1.2 * b.requestsPerMin());
            // a token count is per minute; a request count over its 10 s window
            int hold = b.limit().equals("rpm") ? 20 : 65;
            assertThat(p.workload().durationSec()).as(file + ": the rate holds past the knee for the limit's window")
                    .isGreaterThanOrEqualTo(hold);
        }
    }

    @Test
    void theExamplesBindOnRequestsTokensAndProvisionedUtilisation() {
        assertThat(limitOf("capacity.yaml")).isEqualTo("rpm");
        assertThat(limitOf("capacity-tpm.yaml")).isEqualTo("tpm");
        assertThat(limitOf("capacity-unequal.yaml")).isEqualTo("rpm");
        assertThat(limitOf("capacity-ptu.yaml")).isEqualTo("ptu");
    }

    private static String limitOf(String profile) {
        LoadProfileLoader.Loaded loaded = LoadProfileLoader.load(Path.of("scenarios/load", profile), Path.of(""));
        LoadProfile p = loaded.profile();
        return BindingLimit.of(loaded.topology(), p.deployments().get(0), new BindingLimit.Shape(
                p.shape().inputTokens() + PROMPT_OVERHEAD, p.shape().outputTokens()), Set.of()).orElseThrow().limit();
    }
}
