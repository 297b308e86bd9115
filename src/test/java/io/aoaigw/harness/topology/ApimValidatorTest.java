package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The APIM part of a topology file: other APIs, subscription scopes and backend entities, refused in one line. */
class ApimValidatorTest {
    private static final String POOL = """
              backends:
                - {id: fd, url: "${frontDoor}/openai", circuitBreaker: {rules: [{name: trip-on-5xx, tripDuration: PT1M,
                    failureCondition: {count: 3, interval: PT1M, statusCodeRanges: [{min: 500, max: 599}]}}]}}
                - {id: east, url: "${account:aoai-eastus}/openai"}
                - {id: pool, type: Pool, pool: {services: [{id: fd, priority: 1, weight: 3}, {id: east, priority: 2}]}}
            """;

    @Test
    void withoutApisTheEchoApiIsThereAsAzureCreatesIt() throws Exception {
        Apim apim = parse(read()).apim();

        assertThat(apim.apis()).singleElement().satisfies(echo -> {
            assertThat(echo.id()).isEqualTo("echo-api");
            assertThat(echo.path()).isEqualTo("echo");
            assertThat(echo.echoes()).isTrue();
        });
        assertThat(apim.allApis()).extracting(ApimApi::id).containsExactly("azure-openai", "echo-api");
    }

    @Test
    void anEmptyApisListMeansTheEchoApiWasDeleted() throws Exception {
        Apim apim = parse(withApim("  apis: []\n")).apim();

        assertThat(apim.allApis()).extracting(ApimApi::id).containsExactly("azure-openai");
    }

    @Test
    void backendsAndPoolsAreRead() throws Exception {
        Apim apim = parse(withApim(POOL)).apim();

        assertThat(apim.backend("pool")).get().satisfies(pool -> {
            assertThat(pool.isPool()).isTrue();
            assertThat(pool.pool().services()).extracting(ApimBackend.Member::weight).containsExactly(3, 1);
        });
        assertThat(apim.backend("fd").orElseThrow().circuitBreaker().rules().get(0).failureCondition().failed(503))
                .isTrue();
    }

    @Test
    void subscriptionScopesAreAcceptedInArmsFormsToo() throws Exception {
        Topology t = parse(read().replace("scope: \"product:aoai-standard\", state: active}",
                "scope: /products/aoai-standard, state: active}").replace("{name: load, scope: /products/aoai-standard",
                "{name: load, scope: /apis/echo-api"));

        assertThat(t.apim().subscriptions()).extracting(s -> s.scopeRef().orElseThrow().relativePath())
                .containsExactly("/products/aoai-standard", "/apis/echo-api", "/products/aoai-standard");
    }

    @Test
    void aSecondApiOnTheSameSuffixIsRefused() {
        refused(withApim("  apis:\n    - {id: other, path: openai, serviceUrl: \"${frontDoor}/x\","
                + " policy: <policies/>}\n"),
                "apim.apis[0].path", "URL suffix 'openai' is already used by another API");
    }

    @Test
    void anOperationNotWrittenAsMethodAndTemplateIsRefused() {
        refused(withApim("  apis:\n    - {id: e, path: e, serviceUrl: \"${frontDoor}\", policy: <policies/>,"
                + " operations: [resource]}\n"), "apim.apis[0].operations[0]",
                "write an operation as 'METHOD /template'");
    }

    @Test
    void aScopeNamingNoApiIsRefused() {
        refused(read().replace("{name: load, scope: \"product:aoai-standard\"", "{name: load, scope: /apis/nowhere"),
                "apim.subscriptions[1].scope", "no API 'nowhere'");
    }

    @Test
    void aScopeInNeitherFormIsRefused() {
        refused(read().replace("{name: load, scope: \"product:aoai-standard\"", "{name: load, scope: everything"),
                "apim.subscriptions[1].scope", "use /apis, /apis/ID or /products/ID");
    }

    @Test
    void aPoolMemberNamingNoSingleBackendIsRefused() {
        refused(withApim(POOL.replace("{id: east, priority: 2}", "{id: west, priority: 2}")),
                "apim.backends[2].pool.services[1].id", "no single backend 'west'");
    }

    @Test
    void aPoolInsideAPoolIsRefused() {
        refused(withApim(POOL + "    - {id: outer, type: Pool, pool: {services: [{id: pool}]}}\n"),
                "apim.backends[3].pool.services[0].id", "a pool holds single backends only");
    }

    @Test
    void aWeightOutOfRangeIsRefused() {
        refused(withApim(POOL.replace("weight: 3", "weight: 300")), "apim.backends[2].pool.services[0].weight",
                "must be 0..100");
    }

    @Test
    void aCircuitBreakerWithoutAnIsoTripDurationIsRefused() {
        refused(withApim(POOL.replace("tripDuration: PT1M", "tripDuration: 1m")),
                "apim.backends[0].circuitBreaker.rules[0].tripDuration", "positive ISO 8601 duration");
    }

    @Test
    void aSingleBackendWithoutUrlIsRefused() {
        refused(withApim("  backends:\n    - {id: lonely}\n"), "apim.backends[0].url", "required");
    }

    @Test
    void aPolicyNamingAnUnknownBackendIsRefused() {
        refused(read().replace("<set-header name=\"api-key\" exists-action=\"delete\" />",
                        "<set-backend-service backend-id=\"missing\" />"), "apim.api.policy",
                "set-backend-service names backend-id 'missing' but there is no such backend under apim.backends");
    }

    private static void refused(String yaml, String field, String problem) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(TopologyException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
            assertThat(e.line()).isPositive();
            assertThat(e.getMessage()).doesNotContain("\n");
        });
    }

    /** The default topology with these lines added to the apim section (before its products). */
    private static String withApim(String lines) {
        return read().replace("  products:\n    - {id: aoai-standard", lines + "  products:\n    - {id: aoai-standard");
    }

    private static Topology parse(String yaml) throws TopologyException {
        return TopologyLoader.parse(Path.of("test.yaml"), yaml);
    }

    private static String read() {
        try {
            return Files.readString(Path.of("scenarios/topologies/default.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
