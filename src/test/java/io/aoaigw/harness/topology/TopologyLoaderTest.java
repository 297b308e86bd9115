package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologyLoaderTest {
    private static final Path DEFAULT = Path.of("scenarios/topologies/default.yaml");

    @Test
    void defaultTopologyHasThreeAccountsInThreeRegionsWithIdenticalDeployments() throws Exception {
        Topology t = TopologyLoader.load(DEFAULT);

        assertThat(t.accounts()).hasSize(3);
        assertThat(t.accounts()).extracting(Account::region).doesNotHaveDuplicates();
        assertThat(t.accounts()).allSatisfy(a -> assertThat(a.deployments())
                .isEqualTo(t.accounts().get(0).deployments()));
        assertThat(t.accounts().get(0).deployments()).extracting(Deployment::kind)
                .containsExactlyInAnyOrder(Deployment.Kind.chat, Deployment.Kind.embeddings);
        assertThat(t.frontDoor().origins()).extracting(FrontDoor.Origin::account)
                .containsExactlyInAnyOrderElementsOf(t.accounts().stream().map(Account::name).toList());
        assertThat(t.apim().api().path()).isEqualTo("openai");
    }

    @Test
    void apimIdentityMayCallEveryAccountButTheReaderMayNot() throws Exception {
        Topology t = TopologyLoader.load(DEFAULT);
        String apim = t.identity(t.apim().identity()).orElseThrow().objectId();
        String reader = t.identity("harness-reader").orElseThrow().objectId();

        assertThat(t.accounts()).allSatisfy(a -> assertThat(t.mayCallInference(apim, a.name())).isTrue());
        assertThat(t.accounts()).allSatisfy(a -> assertThat(t.mayCallInference(reader, a.name())).isFalse());
    }

    @Test
    void roleAtResourceGroupScopeCoversEveryAccount() throws Exception {
        Topology t = parse(read().replace("{principal: harness-reader, role: Reader, scope: resourceGroup}",
                "{principal: harness-reader, role: Cognitive Services OpenAI User, scope: resourceGroup}"));
        String reader = t.identity("harness-reader").orElseThrow().objectId();

        assertThat(t.accounts()).allSatisfy(a -> assertThat(t.mayCallInference(reader, a.name())).isTrue());
    }

    @Test
    void generatedKeysFillOnlyWhatIsMissingAndDifferPerRun() throws Exception {
        Topology t = TopologyLoader.load(DEFAULT);
        Topology a = GeneratedKeys.fillMissing(t);
        Topology b = GeneratedKeys.fillMissing(t);

        assertThat(a.accounts()).allSatisfy(acc -> assertThat(acc.keys()).hasSize(2).allMatch(k -> k.length() == 32));
        assertThat(a.accounts().get(0).keys()).doesNotContainAnyElementsOf(b.accounts().get(0).keys());
        assertThat(a.apim().subscriptions()).allSatisfy(s -> assertThat(s.primaryKey()).isNotEqualTo(s.secondaryKey()));
    }

    @Test
    void unknownFieldNamesFileLineAndKnownFields() {
        String yaml = read().replace("    region: westeurope\n", "    region: westeurope\n    regoin: typo\n");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(TopologyException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(yaml, "regoin: typo"));
                    assertThat(e.field()).isEqualTo("accounts[1].regoin");
                    assertThat(e.getMessage()).startsWith("test.yaml:" + e.line() + ": accounts[1].regoin: ")
                            .contains("unknown field 'regoin'").contains("region");
                });
    }

    @Test
    void invalidValueNamesTheField() {
        String yaml = read().replaceFirst("tpm: 100000", "tpm: lots");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(TopologyException.class, e -> {
                    assertThat(e.field()).isEqualTo("accounts[0].deployments[0].tpm");
                    assertThat(e.line()).isEqualTo(lineOf(yaml, "tpm: lots"));
                });
    }

    @Test
    void danglingReferenceIsReportedAtItsLine() {
        String yaml = read().replace("{account: aoai-swedencentral, priority: 1, weight: 1000}",
                "{account: aoai-nowhere, priority: 1, weight: 1000}");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(TopologyException.class, e -> {
                    assertThat(e.field()).isEqualTo("frontDoor.origins[2].account");
                    assertThat(e.problem()).isEqualTo("no account named 'aoai-nowhere'");
                    assertThat(e.line()).isEqualTo(lineOf(yaml, "aoai-nowhere"));
                });
    }

    @Test
    void outOfRangeValueIsReported() {
        String yaml = read().replace("successfulSamplesRequired: 3", "successfulSamplesRequired: 9");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(TopologyException.class, e -> assertThat(e.getMessage())
                        .contains("frontDoor.originGroup.loadBalancing.successfulSamplesRequired: must be 1..sampleSize"));
    }

    @Test
    void brokenYamlSyntaxIsReportedWithItsLine() {
        String yaml = read().replace("  region: eastus\n  sku: Developer", "  region: [eastus\n  sku: Developer");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(TopologyException.class, e -> {
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).startsWith("test.yaml:");
                });
    }

    @Test
    void missingFileIsOneClearLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> TopologyLoader.load(missing))
                .hasMessage(missing + ": no such file");
    }

    private static Topology parse(String yaml) throws TopologyException {
        return TopologyLoader.parse(Path.of("test.yaml"), yaml);
    }

    private static String read() {
        try {
            return Files.readString(DEFAULT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
