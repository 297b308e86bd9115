package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Microsoft.CognitiveServices (shapes of the 2024-10-01 examples): accounts of kind OpenAI with their endpoint and
 * region, and their deployments (model format/name/version; sku capacity in thousands of tokens per minute, as
 * Azure counts Standard deployments, or in PTUs for a provisioned sku). Keys are a POST (listKeys), which this
 * read-only ARM refuses.
 */
final class CognitiveResources {
    private static final String TYPE = "Microsoft.CognitiveServices/accounts";
    private static final String ACCOUNTS = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices"
            + "/accounts";
    private static final String ACCOUNT = ACCOUNTS + "/{account}";

    private final Topology topology;
    private final ArmView view;

    CognitiveResources(Topology topology, ArmView view) {
        this.topology = topology;
        this.view = view;
    }

    void register(ArmRoutes routes) {
        String p = ApiVersions.COGNITIVE_SERVICES;
        routes.get(p, ACCOUNTS, (ex, m) -> ex.page(topology.accounts().stream().map(this::account).toList()))
                .get(p, ACCOUNT, (ex, m) -> withAccount(m, a -> ArmResult.ok(account(a))))
                .get(p, ACCOUNT + "/deployments", (ex, m) -> withAccount(m, a ->
                        ex.page(a.deployments().stream().map(d -> deployment(a, d)).toList())))
                .get(p, ACCOUNT + "/deployments/{deployment}", (ex, m) -> withAccount(m, a ->
                        a.deployments().stream().filter(d -> d.id().equalsIgnoreCase(m.group("deployment")))
                                .findFirst().map(d -> ArmResult.ok(deployment(a, d)))
                                .orElseGet(() -> ArmResult.of(ArmError.childNotFound("Deployment",
                                        m.group("deployment"))))));
    }

    private ArmResult withAccount(Matcher m, Function<Account, ArmResult> then) {
        String name = m.group("account");
        return topology.accounts().stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst().map(then)
                .orElseGet(() -> ArmResult.of(ArmError.resourceNotFound(TYPE, name, topology.resourceGroup())));
    }

    private JsonObject account(Account a) {
        String endpoint = view.accountEndpoint(a.name());
        return resource(topology.accountResourceId(a.name()), a.name(), TYPE)
                .put("kind", "OpenAI")
                .put("location", a.region())
                .put("sku", new JsonObject().put("name", "S0"))
                .put("properties", new JsonObject()
                        .put("endpoint", endpoint)
                        .put("endpoints", new JsonObject().put("OpenAI Language Model Instance API", endpoint))
                        .put("customSubDomainName", a.name())
                        .put("provisioningState", "Succeeded")
                        .put("publicNetworkAccess", "Enabled")
                        .put("disableLocalAuth", false));
    }

    private JsonObject deployment(Account a, Deployment d) {
        String id = topology.accountResourceId(a.name()) + "/deployments/" + d.id();
        return resource(id, d.id(), TYPE + "/deployments")
                .put("sku", new JsonObject().put("name", d.sku())
                        .put("capacity", d.provisioned() ? d.ptu() : d.tpm() / 1000))
                .put("properties", new JsonObject()
                        .put("model", new JsonObject().put("format", "OpenAI").put("name", d.model())
                                .put("version", d.version()))
                        .put("provisioningState", "Succeeded")
                        .put("versionUpgradeOption", "OnceNewDefaultVersionAvailable")
                        .put("rateLimits", rateLimits(d)));
    }

    /** As Azure lists them (Microsoft's "Manage Azure OpenAI quota" page): requests per 10 s, tokens per 60 s. */
    private static JsonArray rateLimits(Deployment d) {
        return new JsonArray()
                .add(new JsonObject().put("key", "request").put("renewalPeriod", 10).put("count", d.rpm() / 6))
                .add(new JsonObject().put("key", "token").put("renewalPeriod", 60).put("count", d.tpm()));
    }
}
