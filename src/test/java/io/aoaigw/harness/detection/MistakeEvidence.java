package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.inventory.RoleAssignmentInfo;
import io.aoaigw.harness.testsupport.Await;
import io.aoaigw.harness.topology.Regions;
import io.aoaigw.harness.topology.Roles;
import java.time.Duration;
import java.util.Map;

/**
 * For each catalogue entry, how its mistake shows in the started topology: in the ARM view (what the inventory
 * reads) and in behaviour (answers through the gateway; the accounts' ground truth and Front Door's state through
 * the admin API) — never by re-reading the YAML. Each proof is what Azure would show for that mistake.
 */
final class MistakeEvidence {
    /** A proof that an entry's mistake is present in the running deployment. */
    @FunctionalInterface
    interface Proof {
        void check(BrokenDeployment d) throws Exception;
    }

    private static final String EASTUS = "aoai-eastus";
    private static final String WESTEUROPE = "aoai-westeurope";
    private static final String SWEDEN = "aoai-swedencentral";
    private static final String UNAUTHORIZED_TOKEN = "Access token is missing, invalid, audience is incorrect";

    static final Map<String, Proof> BY_ENTRY = Map.ofEntries(
            Map.entry("apim-identity-off", MistakeEvidence::identityOff),
            Map.entry("role-missing-on-one-account", MistakeEvidence::roleMissing),
            Map.entry("control-plane-role-instead-of-openai-user", MistakeEvidence::controlPlaneRole),
            Map.entry("policy-without-managed-identity", MistakeEvidence::noManagedIdentityPolicy),
            Map.entry("policy-wrong-audience", d -> wrongAudience(d, "https://management.azure.com/")),
            Map.entry("policy-audience-is-endpoint-url", d -> wrongAudience(d, "https://aoai-eastus.openai.azure.com/")),
            Map.entry("api-suffix-not-openai", MistakeEvidence::suffix),
            Map.entry("service-url-placeholder", MistakeEvidence::placeholder),
            Map.entry("service-url-one-account", MistakeEvidence::oneAccount),
            Map.entry("open-product", MistakeEvidence::openProduct),
            Map.entry("deployment-missing-on-one-account", MistakeEvidence::deploymentMissing),
            Map.entry("model-version-differs", MistakeEvidence::versionDiffers),
            Map.entry("origin-group-missing-account", MistakeEvidence::originMissing),
            Map.entry("probe-path-never-200", MistakeEvidence::probeNever200),
            Map.entry("apim-buffers-response", MistakeEvidence::buffering),
            Map.entry("weights-starve-origin", MistakeEvidence::starved),
            Map.entry("client-api-key-forwarded", MistakeEvidence::apiKeyForwarded),
            Map.entry("capacity-unequal-behind-equal-weights", ControlPlaneEvidence::capacityUnequal),
            Map.entry("provisioned-beside-paygo-same-priority", ControlPlaneEvidence::provisionedBesidePaygo),
            Map.entry("reader-without-reader-role", ControlPlaneEvidence::readerWithoutReader),
            Map.entry("route-disabled", d -> ControlPlaneEvidence.noRouteServes(d, r -> !r.enabled())),
            Map.entry("route-not-linked-to-default-domain", d -> ControlPlaneEvidence.noRouteServes(d, r -> !r.linkedToDefaultDomain())),
            Map.entry("backend-key-from-named-value", ControlPlaneEvidence::backendKeyFromNamedValue),
            Map.entry("route-patterns-miss-openai", d -> ControlPlaneEvidence.noRouteServes(d,
                    r -> !r.matches("/openai/deployments/gpt-4o/chat/completions"))),
            Map.entry("gateway-pins-retired-api-version", ControlPlaneEvidence::retiredApiVersion),
            Map.entry("apim-logs-response-bodies", StreamingEvidence::logsResponseBodies),
            Map.entry("apim-validate-content-on-response", StreamingEvidence::validatesTheResponse),
            Map.entry("apim-consumption-tier", StreamingEvidence::consumptionTier),
            Map.entry("route-to-wrong-origin-group", StreamingEvidence::routeToAnotherGroup),
            Map.entry("subscription-scoped-to-another-api", ApimModelEvidence::subscriptionScopedToAnotherApi),
            Map.entry("backend-pool-member-outside-front-door", ApimModelEvidence::poolMemberOutsideFrontDoor));

    private MistakeEvidence() {
    }

    private static void identityOff(BrokenDeployment d) {
        assertThat(d.inventory().apim().identityEnabled()).isFalse();
        assertThat(d.inventory().apim().principalId()).isNull();

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("\"statusCode\":500", "Internal server error");
        assertThat(d.requestsReachingAccounts()).as("nothing is forwarded without a token").isZero();
    }

    private static void roleMissing(BrokenDeployment d) {
        assertThat(d.inventory().assignmentsOf(d.apimPrincipal()))
                .noneMatch(ra -> ra.appliesTo(d.accountResourceId(SWEDEN)))
                .anyMatch(ra -> ra.appliesTo(d.accountResourceId(EASTUS)));

        d.routeOnlyTo(SWEDEN);
        BrokenDeployment.Answer refused = d.chat();
        d.routeOnlyTo(EASTUS);
        BrokenDeployment.Answer served = d.chat();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("PermissionDenied");
        assertThat(d.lastRequestAt(SWEDEN).objectId()).isEqualTo(d.apimPrincipal());
        assertThat(served.status()).isEqualTo(200);
    }

    private static void controlPlaneRole(BrokenDeployment d) {
        assertThat(d.inventory().assignmentsOf(d.apimPrincipal())).hasSize(3)
                .extracting(RoleAssignmentInfo::roleDefinitionId)
                .containsOnly(Roles.COGNITIVE_SERVICES_CONTRIBUTOR)
                .doesNotContain(Roles.OPENAI_USER);

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("PermissionDenied", "Principal does not have access to API/Operation");
    }

    private static void noManagedIdentityPolicy(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).doesNotContain("authentication-managed-identity");

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(UNAUTHORIZED_TOKEN);
        SeenRequest seen = d.lastRequestAt(regionAccount(d, answer));
        assertThat(seen.carriedAuthorization()).isFalse();
        assertThat(seen.carriedApiKey()).isFalse();
    }

    private static void wrongAudience(BrokenDeployment d, String resource) {
        assertThat(d.inventory().api().policyXml()).contains("resource=\"" + resource + "\"");

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(UNAUTHORIZED_TOKEN);
        SeenRequest seen = d.lastRequestAt(regionAccount(d, answer));
        assertThat(seen.carriedAuthorization()).as("a bearer token arrived, for the wrong audience").isTrue();
        assertThat(seen.authKind()).isEqualTo("NONE");
        assertThat(d.tokenAudiencesOf("apim-contoso")).containsOnly(resource.replaceAll("/$", ""));
    }

    private static void suffix(BrokenDeployment d) {
        assertThat(d.inventory().api().path()).isEqualTo("aoai");

        BrokenDeployment.Answer sdkPath = d.chat();
        BrokenDeployment.Answer suffixPath = d.post(BrokenDeployment.CHAT.replaceFirst("^/openai/", "/aoai/"),
                BrokenDeployment.chatBody(5, false), Map.of("api-key", d.subscriptionKey()));

        assertThat(sdkPath.status()).isEqualTo(404);
        assertThat(sdkPath.body()).contains("\"statusCode\":404", "Resource not found");
        assertThat(suffixPath.status()).as("the API works, under the wrong suffix").isEqualTo(200);
    }

    private static void placeholder(BrokenDeployment d) {
        assertThat(d.inventory().api().serviceUrl()).isEqualTo("https://{endpoint}/openai");

        BrokenDeployment.Answer answer = d.chat();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("Internal server error");
        assertThat(d.requestsReachingAccounts()).isZero();
    }

    private static void oneAccount(BrokenDeployment d) {
        assertThat(d.inventory().api().serviceUrl()).isEqualTo(d.accountEndpoint(EASTUS) + "/openai")
                .doesNotStartWith(d.frontDoorEndpointUrl());

        for (int i = 0; i < 6; i++) {
            BrokenDeployment.Answer answer = d.chat();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(Regions.key(answer.header("x-ms-region"))).isEqualTo("eastus");
            assertThat(answer.header("x-azure-ref")).as("no Front Door on the way").isNull();
        }
        assertThat(d.frontDoorOrigins()).allMatch(o -> o.path("requests").asLong() == 0);
    }

    private static void openProduct(BrokenDeployment d) {
        assertThat(d.inventory().products())
                .anyMatch(p -> !p.subscriptionRequired() && p.apiIds().contains("azure-openai"));

        BrokenDeployment.Answer keyless = d.post(BrokenDeployment.CHAT, BrokenDeployment.chatBody(5, false), Map.of());

        assertThat(keyless.status()).isEqualTo(200);
    }

    private static void deploymentMissing(BrokenDeployment d) {
        assertThat(d.inventory().account(SWEDEN).orElseThrow().deployment("text-embedding-3-small")).isEmpty();
        assertThat(d.inventory().account(EASTUS).orElseThrow().deployment("text-embedding-3-small")).isPresent();

        d.routeOnlyTo(SWEDEN);
        BrokenDeployment.Answer answer = d.post(BrokenDeployment.EMBEDDINGS, "{\"input\":\"hello\"}",
                Map.of("api-key", d.subscriptionKey()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("DeploymentNotFound");
    }

    private static void versionDiffers(BrokenDeployment d) {
        assertThat(d.inventory().account(WESTEUROPE).orElseThrow().deployment("gpt-4o").orElseThrow().version())
                .isEqualTo("2024-05-13");
        assertThat(d.inventory().account(EASTUS).orElseThrow().deployment("gpt-4o").orElseThrow().version())
                .isEqualTo("2024-08-06");

        d.routeOnlyTo(WESTEUROPE);
        BrokenDeployment.Answer older = d.chat();
        d.routeOnlyTo(EASTUS);
        BrokenDeployment.Answer newer = d.chat();

        assertThat(older.body()).contains("\"model\":\"gpt-4o-2024-05-13\"");
        assertThat(newer.body()).contains("\"model\":\"gpt-4o-2024-08-06\"");
    }

    private static void originMissing(BrokenDeployment d) {
        String swedenEndpoint = d.accountEndpoint(SWEDEN);
        assertThat(d.inventory().frontDoor().origins()).hasSize(2).extracting(FrontDoorInfo.Origin::httpsPort)
                .doesNotContain(d.accountPort(SWEDEN));
        assertThat(swedenEndpoint).isNotBlank();

        assertThat(d.frontDoorOrigins()).extracting(o -> o.path("account").asText())
                .containsExactlyInAnyOrder(EASTUS, WESTEUROPE);
    }

    private static void probeNever200(BrokenDeployment d) {
        assertThat(d.inventory().frontDoor().originGroup().healthProbe().path()).isEqualTo("/health");
        assertThat(d.probe(EASTUS, "/health")).isEqualTo(404);

        d.setProbeInterval(Duration.ofMillis(100)); // Azure's interval, shortened: the outcome is the same
        Await.until("every origin unhealthy", Duration.ofSeconds(30),
                () -> d.frontDoorOrigins().stream().noneMatch(o -> o.path("healthy").asBoolean()));

        assertThat(d.chat().status()).as("Front Door spreads over all origins when none is healthy").isEqualTo(200);
    }

    private static void buffering(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).contains("buffer-response=\"true\"");
        StreamingEvidence.firstTokenAfterTheLast(d);
    }

    private static void starved(BrokenDeployment d) {
        FrontDoorInfo.Origin sweden = d.inventory().frontDoor().origins().stream()
                .filter(o -> o.httpsPort() == d.accountPort(SWEDEN)).findFirst().orElseThrow();
        assertThat(sweden.weight()).isEqualTo(1);

        JsonNode share = d.originStats(SWEDEN);
        assertThat(share.path("healthy").asBoolean()).isTrue();
        assertThat(share.path("selectedShare").asDouble()).isLessThan(0.001);
    }

    private static void apiKeyForwarded(BrokenDeployment d) {
        assertThat(d.inventory().api().policyXml()).doesNotContain("<set-header name=\"api-key\"");

        BrokenDeployment.Answer answer = d.post(BrokenDeployment.CHAT, BrokenDeployment.chatBody(5, false),
                Map.of("api-key", d.subscriptionKey()));

        assertThat(answer.status()).isEqualTo(401);
        SeenRequest seen = d.lastRequestAt(regionAccount(d, answer));
        assertThat(seen.carriedApiKey()).as("the client's api-key reached the account").isTrue();
    }

    /** The account that answered, by the {@code x-ms-region} (a display name, "East US") it put on the answer. */
    static String regionAccount(BrokenDeployment d, BrokenDeployment.Answer answer) {
        String region = answer.header("x-ms-region");
        return d.topology().accounts().stream().filter(a -> a.region().equals(Regions.key(region))).findFirst()
                .orElseThrow(() -> new AssertionError("no account answered (x-ms-region " + region + "): "
                        + answer.status() + " " + answer.body()))
                .name();
    }
}
