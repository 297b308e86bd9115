package io.aoaigw.harness.topology;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API Management service: the API imported from the Azure OpenAI inference spec ({@code api}), the instance's
 * other APIs ({@code apis}; absent: the Echo API, as Azure creates every instance; {@code []}: none), products and
 * subscriptions over them, and backend entities ({@code backends}) that policies name.
 * {@code identity} names the managed {@link Identity} that is APIM's system-assigned identity; null means it is off.
 * {@code port} pins the gateway listener (0 or absent: ephemeral). {@code namedValues} are what policies name as
 * {@code {{name}}}. {@code sku} is one of {@link ApimSku}; {@code diagnostics} and {@code timeouts} are what may
 * hold or cut a stream (see {@link ApimDiagnostic}, {@link ApimTimeouts}).
 */
public record Apim(String name, String region, String sku, String identity, Integer port, ApimApi api,
                   List<Product> products, List<Subscription> subscriptions, List<NamedValue> namedValues,
                   List<ApimDiagnostic> diagnostics, ApimTimeouts timeouts, List<ApimApi> apis,
                   List<ApimBackend> backends) {

    public Apim {
        sku = Defaults.or(sku, "Developer");
        port = Defaults.or(port, 0);
        products = Defaults.list(products);
        subscriptions = Defaults.list(subscriptions);
        namedValues = Defaults.list(namedValues);
        diagnostics = Defaults.list(diagnostics);
        timeouts = Defaults.or(timeouts, new ApimTimeouts(null, null));
        apis = apis == null ? List.of(ApimApi.echo()) : List.copyOf(apis);
        backends = Defaults.list(backends);
    }

    /** Other APIs: the Echo API; no backend entities. */
    public Apim(String name, String region, String sku, String identity, Integer port, ApimApi api,
                List<Product> products, List<Subscription> subscriptions, List<NamedValue> namedValues,
                List<ApimDiagnostic> diagnostics, ApimTimeouts timeouts) {
        this(name, region, sku, identity, port, api, products, subscriptions, namedValues, diagnostics, timeouts,
                null, null);
    }

    /** Without diagnostics and timeouts (the defaults). */
    public Apim(String name, String region, String sku, String identity, Integer port, ApimApi api,
                List<Product> products, List<Subscription> subscriptions, List<NamedValue> namedValues) {
        this(name, region, sku, identity, port, api, products, subscriptions, namedValues, null, null);
    }

    /** Without named values. */
    public Apim(String name, String region, String sku, String identity, Integer port, ApimApi api,
                List<Product> products, List<Subscription> subscriptions) {
        this(name, region, sku, identity, port, api, products, subscriptions, null, null, null);
    }

    /** A request's total duration cap in milliseconds (0: none): the setting, else the tier's. */
    public long totalRequestLimitMs() {
        Integer set = timeouts.totalRequestMs();
        return set != null ? set : ApimSku.of(sku).map(ApimSku::totalRequestLimitMs).orElse(0L);
    }

    /** Every API of the service, the imported one first. */
    public List<ApimApi> allApis() {
        return api == null ? apis : java.util.stream.Stream.concat(java.util.stream.Stream.of(api), apis.stream())
                .toList();
    }

    public Optional<ApimApi> apiById(String id) {
        return allApis().stream().filter(a -> a.id() != null && a.id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<ApimBackend> backend(String id) {
        return backends.stream().filter(b -> b.id() != null && b.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The same service with these subscriptions (keys filled in per run). */
    public Apim withSubscriptions(List<Subscription> replaced) {
        return new Apim(name, region, sku, identity, port, api, products, replaced, namedValues, diagnostics, timeouts,
                apis, backends);
    }

    /**
     * A named value: plain or {@code secret} text, or a Key Vault reference ({@code keyVaultSecretId}, never resolved
     * here). A value {@code ${accountKey:NAME}} stands for that account's first key, generated per run.
     */
    public record NamedValue(String name, String value, Boolean secret, String keyVaultSecretId) {
        /** How a policy names one: {@code {{name}}} (group 1 is the name). */
        public static final Pattern REFERENCE = Pattern.compile("\\{\\{([^{}]+)}}");

        public NamedValue {
            secret = Defaults.or(secret, keyVaultSecretId != null);
        }
    }

    /** A product: a bundle of APIs behind subscription keys (or open, when {@code subscriptionRequired} is false). */
    public record Product(String id, String displayName, Boolean subscriptionRequired, String state, List<String> apis) {
        public Product {
            subscriptionRequired = Defaults.or(subscriptionRequired, Boolean.TRUE);
            state = Defaults.or(state, "published");
            apis = Defaults.list(apis);
        }

        public boolean published() {
            return "published".equals(state);
        }
    }

    /**
     * A subscription: {@code scope} is {@code /apis}, {@code /apis/ID} or {@code /products/ID} (or the short forms
     * {@code all}, {@code api:ID}, {@code product:ID}, see {@link SubscriptionScope}); {@code state} one of APIM's
     * (active, suspended, cancelled, expired, submitted, rejected). Keys absent in YAML are generated per run.
     */
    public record Subscription(String name, String scope, String state, String primaryKey, String secondaryKey) {
        public Subscription {
            state = Defaults.or(state, "active");
        }

        public boolean active() {
            return "active".equals(state);
        }

        /** The parsed scope; empty only for a scope the validator refused. */
        public Optional<SubscriptionScope> scopeRef() {
            return SubscriptionScope.parse(scope);
        }
    }
}
