package io.aoaigw.harness.spec.arm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulated Resource Manager against the azure-rest-api-specs definitions of the api-versions the harness reads
 * (excerpts and sources in src/test/resources/specs/arm): every GET the spec-driven walk finds from the resource
 * group answers 200 and validates strictly, every operation of the excerpts is reached, and the error answers
 * (404, 403, 400) have ARM's error shape. docs/conformance.md has the table.
 */
class ArmSpecTest {
    /**
     * The default topology with a named value of each kind (plain, secret, Key Vault reference), a backend of each
     * type (a single one with a circuit breaker, a pool) and a diagnostic at each scope (service, API) to read, and
     * a metric feed for Azure Monitor.
     */
    @RegisterExtension
    static final ArmEmulatorExtension arm = ArmEmulatorExtension.withRecordedMetrics(yaml -> yaml.replace(
            "  name: apim-contoso\n",
            """
              name: apim-contoso
              namedValues:
                - {name: plain-nv, value: hello}
                - {name: secret-nv, value: not-shown, secret: true}
                - {name: kv-nv, keyVaultSecretId: "https://kv-contoso.vault.azure.net/secrets/aoai-key"}
              backends:
                - id: eastus
                  url: "${account:aoai-eastus}/openai"
                  circuitBreaker:
                    rules:
                      - {name: trip-on-429, failureCondition: {count: 3, interval: PT1M,
                         statusCodeRanges: [{min: 429, max: 429}], errorReasons: [timeout]},
                         tripDuration: PT1M, acceptRetryAfter: true}
                - {id: westeurope, url: "${account:aoai-westeurope}/openai"}
                - {id: aoai-pool, type: Pool,
                   pool: {services: [{id: eastus, priority: 1}, {id: westeurope, priority: 2}]}}
              diagnostics:
                - {logger: applicationinsights, frontend: {requestBodyBytes: 1024}}
                - {logger: azuremonitor, api: azure-openai, backend: {responseBodyBytes: 8192}}
            """));

    private static ArmSpecWalk.Answer get(String url) {
        Response response = given().spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
                .when().get(url);
        return new ArmSpecWalk.Answer(response.statusCode(), response.asString());
    }

    private static List<ArmSpecWalk.Exchange> walked;

    /** The walk of the emulated topology, sent once for the class (it is read-only). */
    static synchronized List<ArmSpecWalk.Exchange> walk() {
        if (walked == null) {
            walked = newWalk();
        }
        return walked;
    }

    private static List<ArmSpecWalk.Exchange> newWalk() {
        ArmSpecWalk walk = new ArmSpecWalk(ArmSpec.strict(), ArmSpecTest::get, arm.topology().subscriptionId(),
                ArmSpecQueries.emulated());
        return walk.walk(List.of(arm.topology().resourceGroupId()));
    }

    @Test
    void everyAnswerTheWalkFindsIsA200ThatValidatesStrictly() {
        List<ArmSpecWalk.Exchange> exchanges = walk();
        List<String> problems = new ArrayList<>();
        for (ArmSpecWalk.Exchange exchange : exchanges) {
            if (exchange.status() != 200) {
                problems.add("GET " + exchange.url() + " → " + exchange.status() + " " + exchange.body());
            }
            ArmSpec.strict().validate(exchange.url(), exchange.status(), exchange.body())
                    .forEach(p -> problems.add("GET " + exchange.url() + ": " + p));
        }
        writeWalk(exchanges);
        assertThat(problems).as("%d exchanges", exchanges.size()).isEmpty();
    }

    /** The walk's GETs, one line each, in target/arm-spec-walk.txt (the figure docs/conformance.md quotes). */
    private static void writeWalk(List<ArmSpecWalk.Exchange> exchanges) {
        StringBuilder lines = new StringBuilder();
        exchanges.forEach(e -> lines.append(e.status()).append(' ').append(e.operation().operationId()).append(' ')
                .append(e.url()).append('\n'));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "arm-spec-walk.txt"), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theWalkReachesEveryOperationOfTheExcerpts() {
        Set<String> reached = new TreeSet<>();
        walk().stream().filter(e -> e.status() == 200).forEach(e -> reached.add(e.operation().operationId()));
        Set<String> all = new TreeSet<>();
        ArmSpec.strict().operations().forEach(o -> all.add(o.operationId()));
        assertThat(reached).isEqualTo(all);
    }

    @Test
    void theWalkReadsEachRecordedMetricWithItsData() {
        List<ArmSpecWalk.Exchange> metrics = walk().stream()
                .filter(e -> e.operation().operationId().equals("Metrics_List")).toList();
        assertThat(metrics).hasSize(1 + arm.topology().accounts().size())
                .allSatisfy(e -> assertThat(e.body()).contains("\"metadatavalues\":[{").containsPattern(
                        "\"(total|average)\":"));
        // GetMetric.json (2024-02-01 example) answers the resource's own region
        assertThat(metrics).anySatisfy(e -> assertThat(e.body()).contains("\"resourceregion\":\"eastus\""));
    }

    @Test
    void errorAnswersHaveResourceManagersErrorShape() {
        String rg = arm.topology().resourceGroupId();
        String otherGroup = "/subscriptions/" + arm.topology().subscriptionId() + "/resourceGroups/rg-other";
        String account = arm.topology().accountResourceId("aoai-eastus");
        List<String> urls = List.of(
                rg + "/providers/Microsoft.CognitiveServices/accounts/aoai-nope?api-version=2025-09-01",
                account + "/deployments/nope?api-version=2025-09-01",
                otherGroup + "/providers/Microsoft.CognitiveServices/accounts/aoai-eastus?api-version=2025-09-01",
                account + "?api-version=1999-01-01",
                account,
                rg + "/providers/Microsoft.Nope/things?api-version=2025-09-01",
                account + "/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=Nope");
        List<Integer> statuses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            ArmSpecWalk.Answer answer = get(url);
            statuses.add(answer.status());
            int query = url.indexOf('?');
            problems.addAll(ArmSpec.strict().validate(query < 0 ? url : url.substring(0, query), answer.status(),
                    answer.body()));
        }
        assertThat(statuses).containsExactly(404, 404, 403, 400, 400, 404, 400);
        assertThat(problems).isEmpty();
    }

    @Test
    void roleAssignmentsLeaveOutTheConditionTheyDoNotHave() {
        // the 2022-04-01 spec types condition and conditionVersion as strings: null is not an answer it allows
        String body = get(arm.topology().resourceGroupId()
                + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01").body();
        assertThat(body).contains("\"principalId\"").doesNotContain("\"condition\"")
                .doesNotContain("\"conditionVersion\"");
    }

    @Test
    void routesWithoutCachingLeaveOutTheCacheConfiguration() {
        // afdx.json 2024-02-01: "To disable caching, do not provide a cacheConfiguration object" (an object, never null)
        String body = get(arm.topology().resourceGroupId() + "/providers/Microsoft.Cdn/profiles/afd-contoso"
                + "/afdEndpoints/aoai-gateway/routes?api-version=2024-02-01").body();
        assertThat(body).contains("\"patternsToMatch\"").doesNotContain("cacheConfiguration");
    }

    @Test
    void backendsLeaveOutTheDescriptionTheyDoNotHave() {
        // apimbackends.json 2024-05-01: BackendBaseParameters.description has minLength 1, so "" is not an answer
        String body = get(service() + "/backends/eastus?api-version=2024-05-01").body();
        assertThat(body).contains("\"circuitBreaker\"").doesNotContain("\"description\"");
    }

    @Test
    void anApiExportAnswersTheResultFormatOfTheSpecAndExportsTheEchoApiToo() {
        // definitions.json 2024-05-01 ExportResultFormat: openapi-link is the one OpenAPI 3 result format
        String export = "?api-version=2024-05-01&export=true&format=openapi%2Bjson-link";
        assertThat(get(service() + "/apis/azure-openai" + export).body()).contains("\"format\":\"openapi-link\"");
        ArmSpecWalk.Answer echo = get(service() + "/apis/echo-api" + export);
        assertThat(echo.status()).as(echo.body()).isEqualTo(200);
        assertThat(echo.body()).contains("\"link\"");
    }

    private static String service() {
        return arm.topology().resourceGroupId() + "/providers/Microsoft.ApiManagement/service/apim-contoso";
    }

    @Test
    void theValidatorReportsANullTheSpecDoesNotAllowAndAnInventedProperty() {
        String path = arm.topology().resourceGroupId() + "/providers/Microsoft.Authorization/roleAssignments/x";
        String conforming = "{\"id\":\"" + path + "\",\"name\":\"x\",\"type\":\"Microsoft.Authorization/roleAssignments\","
                + "\"properties\":{\"roleDefinitionId\":\"r\",\"principalId\":\"p\",\"principalType\":\"ServicePrincipal\"}}";
        assertThat(ArmSpec.strict().validate(path, 200, conforming)).isEmpty();

        assertThat(ArmSpec.strict().validate(path, 200, conforming.replace("\"principalId\":\"p\"",
                "\"principalId\":\"p\",\"condition\":null"))).singleElement().asString().contains("condition");
        assertThat(ArmSpec.strict().validate(path, 200, conforming.replace("\"principalId\":\"p\"",
                "\"principalId\":\"p\",\"invented\":true"))).singleElement().asString()
                .contains("$.properties.invented is not declared");
        assertThat(ArmSpec.strict().validate(path, 404, "{\"error\":{\"code\":\"NotFound\"}}"))
                .singleElement().asString().contains("error.message");
        assertThat(ArmSpec.lenient().validate(path, 200, conforming.replace("\"principalId\":\"p\"",
                "\"principalId\":\"p\",\"condition\":null,\"invented\":true"))).isEmpty();
    }
}
