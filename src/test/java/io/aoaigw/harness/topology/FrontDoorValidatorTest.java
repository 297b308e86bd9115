package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Further origin groups of Front Door, and routes that name them. */
class FrontDoorValidatorTest {
    private static final String ORIGINS = "  origins:\n    - {account: aoai-eastus, priority: 1, weight: 1000}\n";
    private static final String WEB_GROUP = """
              originGroups:
                - name: web-origins
                  origins:
                    - {hostName: contoso-web.azurewebsites.net}
            """;

    @Test
    void aRouteMayNameAFurtherOriginGroup() throws Exception {
        Topology t = parse(WEB_GROUP + "  routes:\n    - {name: web, patternsToMatch: [\"/openai/*\"], "
                + "originGroup: web-origins}\n");

        assertThat(t.frontDoor().originGroups()).singleElement()
                .satisfies(g -> assertThat(g.origins().get(0).name()).isEqualTo("contoso-web.azurewebsites.net"));
        assertThat(t.frontDoor().routeFor("/openai/deployments/x").orElseThrow().originGroup())
                .isEqualTo("web-origins");
        assertThat(t.frontDoor().isAccountsGroup("web-origins")).isFalse();
    }

    @Test
    void aRouteToAGroupTheProfileLacksIsOneLine() {
        assertThatThrownBy(() -> parse("  routes:\n    - {name: r, originGroup: nowhere}\n"))
                .hasMessageContaining("frontDoor.routes[0].originGroup: no origin group named 'nowhere'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void furtherGroupsNeedAUniqueNameAndHostNamedOrigins() {
        assertThatThrownBy(() -> parse("  originGroups:\n    - {name: aoai-origins, origins: [{hostName: h}]}\n"))
                .hasMessageContaining("frontDoor.originGroups[0].name: duplicate origin group 'aoai-origins'");
        assertThatThrownBy(() -> parse("  originGroups:\n    - {name: web, origins: [{name: o}]}\n"))
                .hasMessageContaining("frontDoor.originGroups[0].origins[0].hostName: required");
        assertThatThrownBy(() -> parse("  originGroups:\n    - {name: web}\n"))
                .hasMessageContaining("frontDoor.originGroups[0].origins: at least one origin is required");
    }

    @Test
    void theMostSpecificRouteServesAPath() throws Exception {
        Topology t = parse(WEB_GROUP + "  routes:\n    - {name: all, originGroup: web-origins}\n"
                + "    - {name: openai, patternsToMatch: [\"/openai/*\"], originGroup: aoai-origins}\n");

        assertThat(t.frontDoor().routeFor("/openai/deployments/x").orElseThrow().name()).isEqualTo("openai");
        assertThat(t.frontDoor().routeFor("/other").orElseThrow().name()).isEqualTo("all");
    }

    private static Topology parse(String frontDoorLines) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml"));
        return TopologyLoader.parse(Path.of("t.yaml"), yaml.replace(ORIGINS, frontDoorLines + ORIGINS));
    }
}
