package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue loads, every entry changes the healthy topology into a valid one, and bad entries are one clear line. */
class CatalogueTest {
    private static final List<String> REQUIRED = List.of("apim-identity-off", "role-missing-on-one-account",
            "policy-without-managed-identity", "policy-wrong-audience", "api-suffix-not-openai",
            "service-url-placeholder", "service-url-one-account", "open-product", "deployment-missing-on-one-account",
            "model-version-differs", "origin-group-missing-account", "probe-path-never-200", "apim-buffers-response",
            "weights-starve-origin", "client-api-key-forwarded", "capacity-unequal-behind-equal-weights",
            "provisioned-beside-paygo-same-priority", "reader-without-reader-role", "route-disabled",
            "route-not-linked-to-default-domain", "route-patterns-miss-openai", "backend-key-from-named-value",
            "apim-logs-response-bodies", "apim-validate-content-on-response", "apim-consumption-tier",
            "route-to-wrong-origin-group", "subscription-scoped-to-another-api",
            "backend-pool-member-outside-front-door");

    @TempDir
    Path dir;

    @Test
    void shippedCatalogueHoldsEveryRequiredMistakeAndEachIsAValidTopology() throws Exception {
        Catalogue catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);

        assertThat(catalogue.entries()).extracting(Catalogue.Entry::name).containsAll(REQUIRED);
        Topology healthy = TopologyLoader.parse(Path.of("healthy.yaml"), catalogue.healthyYaml());
        for (Catalogue.Entry e : catalogue.entries()) {
            Topology broken = TopologyLoader.parse(Path.of(e.name() + ".yaml"), e.topologyYaml());
            assertThat(broken).as(e.name()).isNotEqualTo(healthy);
            assertThat(e.entry().why()).as(e.name()).isNotBlank();
        }
    }

    @Test
    void wildEntriesNameTheirSource() throws Exception {
        Catalogue catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);

        assertThat(catalogue.entries()).filteredOn(e -> !REQUIRED.contains(e.name()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.entry().description()).contains("https://"));
    }

    @Test
    void mutationsChangeExactlyWhatTheySay() throws Exception {
        Catalogue catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);

        Topology noIdentity = topology(catalogue, "apim-identity-off");
        Topology roleGone = topology(catalogue, "role-missing-on-one-account");
        Topology starved = topology(catalogue, "weights-starve-origin");
        Topology openProduct = topology(catalogue, "open-product");

        assertThat(noIdentity.apim().identity()).isNull();
        assertThat(roleGone.roleAssignments()).hasSize(3)
                .noneMatch(ra -> ra.scope().equals("account:aoai-swedencentral"));
        assertThat(starved.frontDoor().origins()).extracting(o -> o.account() + "=" + o.weight())
                .containsExactly("aoai-eastus=1000", "aoai-westeurope=1000", "aoai-swedencentral=1");
        assertThat(openProduct.apim().products()).hasSize(2)
                .anyMatch(p -> !p.subscriptionRequired() && p.apis().contains("azure-openai"));
        assertThat(topology(catalogue, "apim-buffers-response").apim().api().policy())
                .contains("buffer-response=\"true\"").doesNotContain("buffer-response=\"false\"");
    }

    @Test
    void aPathThatFindsNothingIsReportedAtItsLine() throws Exception {
        Path entry = write("broken-path", """
                name: broken-path
                description: a typo in the path
                why: none
                expectFail: [S3]
                mutations:
                  - set: apim.api.path
                    value: x
                  - remove: accounts[name=aoai-nowhere]
                """);

        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .isInstanceOf(CatalogueException.class)
                .hasMessage(entry + ":8: mutations[1].remove: 0 elements of accounts have name=aoai-nowhere"
                        + " (exactly one expected)");
    }

    @Test
    void anEditWhoseTextIsNotThereIsReported() throws Exception {
        Path entry = write("no-text", """
                name: no-text
                description: the policy text drifted
                why: none
                expectFail: [S5]
                mutations:
                  - edit: apim.api.policy
                    replace: '<nothing-like-this/>'
                    with: ''
                """);

        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessage(entry + ":6: mutations[0].edit: '<nothing-like-this/>' occurs nowhere in apim.api.policy"
                        + " (exactly once expected)");
    }

    @Test
    void unknownStepsAndMixedOperationsAreRefused() throws Exception {
        Path steps = write("bad-step", """
                name: bad-step
                description: x
                why: y
                expectFail: [S4, S11]
                mutations:
                  - remove: apim.identity
                """);
        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessage(steps + ":4: expectFail[1]: 'S11' is not a step (S1..S10)");

        Files.delete(steps);
        Path mixed = write("mixed", """
                name: mixed
                description: x
                why: y
                expectFail: [S4]
                mutations:
                  - remove: apim.identity
                    set: apim.name
                """);
        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessage(mixed + ":6: mutations[0]: give exactly one of set, remove, add, edit (found set, remove)");
    }

    @Test
    void aBrokenTopologyTheValidatorRefusesIsACatalogueError() throws Exception {
        Path entry = write("invalid", """
                name: invalid
                description: removes every account, which no deployment can be
                why: y
                expectFail: [S8]
                mutations:
                  - set: accounts
                    value: []
                """);

        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessageStartingWith(entry + ":6: mutations: the broken topology is refused (")
                .hasMessageContaining("accounts: at least one account is required");
    }

    @Test
    void theNameMustBeTheFileName() throws Exception {
        Path entry = write("file-name", """
                name: other-name
                description: x
                why: y
                expectFail: [S4]
                mutations:
                  - remove: apim.identity
                """);

        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessage(entry + ":1: name: 'other-name' must equal the file name 'file-name'");
    }

    @Test
    void unknownFieldsAreRefused() throws Exception {
        Path entry = write("typo", """
                name: typo
                description: x
                why: y
                expectFail: [S4]
                mutations:
                  - remvoe: apim.identity
                """);

        assertThatThrownBy(() -> Catalogue.load(dir, Catalogue.DEFAULT_HEALTHY))
                .hasMessageStartingWith(entry + ":6: mutations[0].remvoe: unknown field 'remvoe'");
    }

    private static Topology topology(Catalogue catalogue, String name) throws Exception {
        return TopologyLoader.parse(Path.of(name + ".yaml"), catalogue.entry(name).topologyYaml());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }
}
