package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.GatewayReply;
import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimApi;
import io.aoaigw.harness.topology.SubscriptionScope;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * APIM's subscription check, as "How API Management handles requests with or without subscription keys"
 * (learn.microsoft.com, api-management-subscriptions) describes it:
 * <ul>
 *   <li>the key is read from the API's header, and from its query parameter only when the header is absent;</li>
 *   <li>a key must belong to an <em>active</em> subscription scoped to the API, to a product containing the API, or
 *       to all APIs ({@link SubscriptionScope}); any other key (unknown, suspended, cancelled, expired, other
 *       scope) gets the 401 "invalid
 *       subscription key" answer, whose text asks for "a valid key for an active subscription";</li>
 *   <li>without a key, an open product (subscription not required) containing the API admits the call, else an API
 *       that does not require a subscription admits it, else 401 "missing subscription key";</li>
 *   <li>a product's published state does not matter to the gateway ("API access in a product context is the same,
 *       whether the product is published or not").</li>
 * </ul>
 */
final class SubscriptionGate {

    /** Where the key came from: never the key itself. */
    enum KeySource { header, query }

    /** Admitted when {@code rejection} is null; {@code subscription}/{@code product} name the access context. */
    record Decision(GatewayReply rejection, String subscription, String product, KeySource keySource) {
        boolean admitted() {
            return rejection == null;
        }
    }

    private final Apim apim;
    private final ApimApi api;

    SubscriptionGate(Apim apim, ApimApi api) {
        this.apim = apim;
        this.api = api;
    }

    Decision decide(MultiMap headers, MultiMap query) {
        String fromHeader = headers.get(api.subscriptionKey().header());
        String key = fromHeader != null ? fromHeader : query.get(api.subscriptionKey().query());
        if (key == null) {
            return withoutKey();
        }
        KeySource source = fromHeader != null ? KeySource.header : KeySource.query;
        return apim.subscriptions().stream()
                .filter(s -> matches(key, s.primaryKey()) || matches(key, s.secondaryKey()))
                .filter(Apim.Subscription::active)
                .filter(this::covers)
                .findFirst()
                .map(s -> new Decision(null, s.name(), productOf(s.scope()), source))
                .orElseGet(() -> new Decision(GatewayReply.invalidKey(), null, null, source));
    }

    private Decision withoutKey() {
        Optional<Apim.Product> open = apim.products().stream()
                .filter(p -> !p.subscriptionRequired() && p.apis().contains(api.id()))
                .findFirst();
        if (open.isPresent()) {
            return new Decision(null, null, open.get().id(), null);
        }
        if (!api.subscriptionRequired()) {
            return new Decision(null, null, null, null);
        }
        return new Decision(GatewayReply.missingKey(), null, null, null);
    }

    private boolean covers(Apim.Subscription s) {
        return s.scopeRef().filter(scope -> scope.covers(apim, api.id())).isPresent();
    }

    private static String productOf(String scope) {
        return SubscriptionScope.parse(scope).filter(sc -> sc.kind() == SubscriptionScope.Kind.product)
                .map(SubscriptionScope::id).orElse(null);
    }

    /** Constant-time comparison: a key check should not leak how much of a key was right. */
    private static boolean matches(String presented, String expected) {
        return expected != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
