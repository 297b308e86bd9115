package io.aoaigw.harness.topology;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The API Management service: one API (the imported Azure OpenAI inference spec), its products and subscriptions.
 * {@code identity} names the managed {@link Identity} that is APIM's system-assigned identity; null means it is off.
 * {@code port} pins the gateway listener (0 or absent: ephemeral). {@code namedValues} are what policies name as
 * {@code {{name}}}. {@code sku} is one of {@link ApimSku}; {@code diagnostics} and {@code timeouts} are what may
 * hold or cut a stream (see {@link ApimDiagnostic}, {@link ApimTimeouts}).
 */
public record Apim(String name, String region, String sku, String identity, Integer port, ApimApi api,
                   List<Product> products, List<Subscription> subscriptions, List<NamedValue> namedValues,
                   List<ApimDiagnostic> diagnostics, ApimTimeouts timeouts) {

    public Apim {
        sku = Defaults.or(sku, "Developer");
        port = Defaults.or(port, 0);
        products = Defaults.list(products);
        subscriptions = Defaults.list(subscriptions);
        namedValues = Defaults.list(namedValues);
        diagnostics = Defaults.list(diagnostics);
        timeouts = Defaults.or(timeouts, new ApimTimeouts(null, null));
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
     * A subscription: {@code scope} is {@code product:ID}, {@code api:ID} or {@code all}; {@code state} one of APIM's
     * (active, suspended, cancelled, expired, submitted, rejected). Keys absent in YAML are generated per run.
     */
    public record Subscription(String name, String scope, String state, String primaryKey, String secondaryKey) {
        public Subscription {
            state = Defaults.or(state, "active");
        }

        public boolean active() {
            return "active".equals(state);
        }
    }
}
