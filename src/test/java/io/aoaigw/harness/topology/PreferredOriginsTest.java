package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FrontDoor.preferred: the one rule by which the load summary, the capacity limit and S9 pick the serving origins. */
class PreferredOriginsTest {
    private record O(String name, int priority, boolean usable) {
    }

    private static List<String> preferred(O... origins) {
        return FrontDoor.preferred(List.of(origins), O::usable, O::priority).stream().map(O::name).toList();
    }

    @Test
    void theUsableOriginsOfTheLowestPriorityInTheirOrder() {
        assertThat(preferred(new O("b", 2, true), new O("a1", 1, true), new O("a2", 1, true)))
                .containsExactly("a1", "a2");
    }

    @Test
    void anUnusableOriginLeavesItsPriorityToTheNext() {
        assertThat(preferred(new O("a", 1, false), new O("b1", 2, true), new O("b2", 2, true), new O("c", 3, true)))
                .containsExactly("b1", "b2");
    }

    @Test
    void noneUsableIsNone() {
        assertThat(preferred(new O("a", 1, false))).isEmpty();
        assertThat(preferred()).isEmpty();
    }
}
