package io.aoaigw.harness.topology;

import java.util.Optional;

/**
 * What a subscription's key opens: every API, one API, or one product's APIs. The YAML takes the scope as ARM's
 * create call does ({@code /apis}, {@code /apis/ID}, {@code /products/ID}) or in the short forms {@code all},
 * {@code api:ID}, {@code product:ID}.
 */
public record SubscriptionScope(Kind kind, String id) {

    public enum Kind { allApis, api, product }

    /** The scope this text names, or empty when it is neither form. */
    public static Optional<SubscriptionScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("all") || text.equals("/apis")) {
            return Optional.of(new SubscriptionScope(Kind.allApis, null));
        }
        for (String prefix : new String[] {"api:", "/apis/"}) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                return Optional.of(new SubscriptionScope(Kind.api, text.substring(prefix.length())));
            }
        }
        for (String prefix : new String[] {"product:", "/products/"}) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                return Optional.of(new SubscriptionScope(Kind.product, text.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** The scope relative to the service, as ARM's scope property ends: {@code /apis}, {@code /apis/ID}, ... */
    public String relativePath() {
        return switch (kind) {
            case allApis -> "/apis";
            case api -> "/apis/" + id;
            case product -> "/products/" + id;
        };
    }

    /** Whether a key of this scope opens the API {@code apiId} of {@code apim}. */
    public boolean covers(Apim apim, String apiId) {
        return switch (kind) {
            case allApis -> true;
            case api -> id.equalsIgnoreCase(apiId);
            case product -> apim.products().stream()
                    .anyMatch(p -> p.id().equalsIgnoreCase(id) && p.apis().stream().anyMatch(apiId::equalsIgnoreCase));
        };
    }
}
