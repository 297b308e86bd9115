package io.aoaigw.harness.emulator.apim.testsupport;

import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimApi;
import io.aoaigw.harness.topology.ApimBackend;
import io.aoaigw.harness.topology.GeneratedKeys;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the APIM part of a topology for gateway tests: API {@code azure-openai} under suffix {@code openai}, the
 * products and subscriptions every key-path test needs, and a policy assembled from inbound/backend fragments.
 * Keys are fresh per run; the constants say which subscription each belongs to.
 */
public final class ApimTopology {
    public static final String API_ID = "azure-openai";
    public static final String ACTIVE_KEY = GeneratedKeys.newKey();
    public static final String ACTIVE_SECONDARY_KEY = GeneratedKeys.newKey();
    public static final String OTHER_ACTIVE_KEY = GeneratedKeys.newKey();
    public static final String SUSPENDED_KEY = GeneratedKeys.newKey();
    public static final String CANCELLED_KEY = GeneratedKeys.newKey();
    public static final String OTHER_PRODUCT_KEY = GeneratedKeys.newKey();
    public static final String UNPUBLISHED_PRODUCT_KEY = GeneratedKeys.newKey();
    public static final String API_SCOPED_KEY = GeneratedKeys.newKey();
    public static final String ALL_APIS_KEY = GeneratedKeys.newKey();
    public static final String ECHO_SCOPED_KEY = GeneratedKeys.newKey();
    public static final String BOTH_APIS_PRODUCT_KEY = GeneratedKeys.newKey();

    public static final String MANAGED_IDENTITY = "<authentication-managed-identity"
            + " resource=\"https://cognitiveservices.azure.com/\" />";
    /** APIM passes the subscription key (header and query) on to the backend unless a policy removes it. */
    public static final String STRIP_KEY = "<set-header name=\"api-key\" exists-action=\"delete\" />"
            + "<set-query-parameter name=\"subscription-key\" exists-action=\"delete\" />";
    public static final String STREAMING_BACKEND = "<forward-request buffer-response=\"false\" />";

    private String serviceUrl = "${frontDoor}/openai";
    private String inbound = MANAGED_IDENTITY + STRIP_KEY;
    private String backend = STREAMING_BACKEND;
    private String policyXml;
    private ApimApi.KeyNames keyNames = new ApimApi.KeyNames("api-key", null);
    private List<String> operations = List.of();
    private boolean apiSubscriptionRequired = true;
    private final List<Apim.Product> extraProducts = new ArrayList<>();
    private final List<Apim.Subscription> extraSubscriptions = new ArrayList<>();
    private List<ApimApi> otherApis;
    private List<ApimBackend> backends = List.of();

    /** The instance's other APIs (without this call: the Echo API, as Azure creates it). */
    public ApimTopology otherApis(ApimApi... apis) {
        this.otherApis = List.of(apis);
        return this;
    }

    public ApimTopology backends(ApimBackend... entities) {
        this.backends = List.of(entities);
        return this;
    }

    /** A key scoped to the Echo API alone, and a product holding both APIs with its own key. */
    public ApimTopology withEchoScopes() {
        extraProducts.add(new Apim.Product("both", "Both", true, "published", List.of(API_ID, "echo-api")));
        extraSubscriptions.add(new Apim.Subscription("echo-only", "/apis/echo-api", "active", ECHO_SCOPED_KEY, null));
        extraSubscriptions.add(new Apim.Subscription("both-user", "/products/both", "active", BOTH_APIS_PRODUCT_KEY,
                null));
        return this;
    }

    public ApimTopology serviceUrl(String url) {
        this.serviceUrl = url;
        return this;
    }

    public ApimTopology inbound(String fragment) {
        this.inbound = fragment;
        return this;
    }

    public ApimTopology backend(String fragment) {
        this.backend = fragment;
        return this;
    }

    /** Uses this whole policy document instead of the inbound/backend fragments. */
    public ApimTopology policy(String xml) {
        this.policyXml = xml;
        return this;
    }

    public ApimTopology keyNames(String header, String query) {
        this.keyNames = new ApimApi.KeyNames(header, query);
        return this;
    }

    public ApimTopology operations(String... ids) {
        this.operations = List.of(ids);
        return this;
    }

    public ApimTopology apiSubscriptionRequired(boolean required) {
        this.apiSubscriptionRequired = required;
        return this;
    }

    /** Adds a product that does not require a subscription and contains the API. */
    public ApimTopology withOpenProduct() {
        extraProducts.add(new Apim.Product("open-starter", "Starter", false, "published", List.of(API_ID)));
        return this;
    }

    public Topology build() {
        String policy = policyXml != null ? policyXml : "<policies><inbound><base />" + inbound + "</inbound><backend>"
                + backend + "</backend><outbound><base /></outbound><on-error><base /></on-error></policies>";
        ApimApi api = new ApimApi(API_ID, "Azure OpenAI Service API", "openai", serviceUrl, "2024-10-21", operations,
                apiSubscriptionRequired, keyNames, policy);
        List<Apim.Product> products = new ArrayList<>(List.of(
                new Apim.Product("aoai-standard", "Standard", true, "published", List.of(API_ID)),
                new Apim.Product("other-product", "Other", true, "published", List.of()),
                new Apim.Product("hidden", "Hidden", true, "notPublished", List.of(API_ID))));
        products.addAll(extraProducts);
        List<Apim.Subscription> subscriptions = new ArrayList<>(List.of(
                new Apim.Subscription("smoke", "product:aoai-standard", "active", ACTIVE_KEY, ACTIVE_SECONDARY_KEY),
                new Apim.Subscription("load", "product:aoai-standard", "active", OTHER_ACTIVE_KEY, null),
                new Apim.Subscription("suspended", "product:aoai-standard", "suspended", SUSPENDED_KEY, null),
                new Apim.Subscription("cancelled", "product:aoai-standard", "cancelled", CANCELLED_KEY, null),
                new Apim.Subscription("elsewhere", "product:other-product", "active", OTHER_PRODUCT_KEY, null),
                new Apim.Subscription("hidden-user", "product:hidden", "active", UNPUBLISHED_PRODUCT_KEY, null),
                new Apim.Subscription("api-only", "api:" + API_ID, "active", API_SCOPED_KEY, null),
                new Apim.Subscription("all-access", "all", "active", ALL_APIS_KEY, null)));
        subscriptions.addAll(extraSubscriptions);
        Apim apim = new Apim("apim-test", "eastus", "Developer", "apim-identity", 0, api, products, subscriptions,
                null, null, null, otherApis, backends);
        Identity identity = new Identity("apim-identity", Identity.Kind.managedIdentity,
                "9a8b7c6d-3333-4c4d-9e5f-6a7b8c9d0e1f", null, "1f2e3d4c-4444-4d5e-8f6a-7b8c9d0e1f2a");
        return new Topology("apim-test", "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "rg", "72f988bf-0000-4000-8000-00000000a1b2",
                List.of(identity), List.of(), apim, null, List.of(), null);
    }
}
