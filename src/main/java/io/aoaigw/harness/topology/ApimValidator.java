package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The APIM part of the topology's validation: its APIs (ids and suffixes unique), named values, products,
 * subscription scopes and backend entities, each refusal one line at its field path.
 */
final class ApimValidator {
    private static final Set<String> SUBSCRIPTION_STATES =
            Set.of("active", "suspended", "cancelled", "expired", "submitted", "rejected");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** A literal backend-id in a policy (an expression, starting with @, is not checked). */
    private static final Pattern BACKEND_ID = Pattern.compile("backend-id\\s*=\\s*\"([^\"@][^\"]*)\"");

    private final Topology t;
    private final Problems problems;

    ApimValidator(Topology topology, Problems problems) {
        this.t = topology;
        this.problems = problems;
    }

    void check(Apim apim) {
        required(apim.name(), "apim.name");
        required(apim.region(), "apim.region");
        if (apim.identity() != null) {
            check(t.identity(apim.identity()).filter(i -> i.kind() == Identity.Kind.managedIdentity).isPresent(),
                    "apim.identity", "no managed identity named '" + apim.identity() + "'");
        }
        ApimApi api = apim.api();
        if (!check(api != null, "apim.api", "required")) {
            return;
        }
        required(api.id(), "apim.api.id");
        check(api.path() != null, "apim.api.path", "required (the API URL suffix, e.g. openai)");
        required(api.serviceUrl(), "apim.api.serviceUrl");
        check(api.policy() != null, "apim.api.policy", "required (the policy XML; may be an empty <policies/>)");
        otherApis(apim);
        namedValues(apim);
        backends(apim);
        Set<String> productIds = products(apim);
        subscriptions(apim, productIds);
    }

    private void otherApis(Apim apim) {
        Set<String> ids = new HashSet<>(Set.of(apim.api().id().toLowerCase(Locale.ROOT)));
        Set<String> paths = new HashSet<>(Set.of(String.valueOf(apim.api().path()).toLowerCase(Locale.ROOT)));
        for (int i = 0; i < apim.apis().size(); i++) {
            ApimApi other = apim.apis().get(i);
            String p = "apim.apis[" + i + "]";
            if (required(other.id(), p + ".id")) {
                check(ids.add(other.id().toLowerCase(Locale.ROOT)), p + ".id", "duplicate API id '" + other.id()
                        + "'");
            }
            if (check(other.path() != null, p + ".path", "required (the API URL suffix)")) {
                check(!other.path().startsWith("/") && !other.path().endsWith("/"), p + ".path",
                        "give the suffix without leading or trailing '/'");
                check(paths.add(other.path().toLowerCase(Locale.ROOT)), p + ".path", "URL suffix '" + other.path()
                        + "' is already used by another API");
            }
            required(other.serviceUrl(), p + ".serviceUrl");
            check(other.policy() != null, p + ".policy", "required (the policy XML; may be an empty <policies/>)");
            for (int j = 0; j < other.operations().size(); j++) {
                String[] op = other.operations().get(j).trim().split("\\s+");
                check(op.length == 2 && METHODS.contains(op[0]) && op[1].startsWith("/"), p + ".operations[" + j
                        + "]", "write an operation as 'METHOD /template', e.g. 'GET /resource'");
            }
        }
    }

    /** Named values are unique, and a policy names only existing ones (APIM refuses to save it otherwise). */
    private void namedValues(Apim apim) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < apim.namedValues().size(); i++) {
            Apim.NamedValue nv = apim.namedValues().get(i);
            String p = "apim.namedValues[" + i + "]";
            if (required(nv.name(), p + ".name")) {
                check(names.add(nv.name().toLowerCase()), p + ".name", "duplicate named value '" + nv.name() + "'");
            }
            check(nv.value() != null ^ nv.keyVaultSecretId() != null, p, "needs exactly one of value and "
                    + "keyVaultSecretId");
        }
        forEachPolicy(apim, (policy, path) -> {
            Matcher m = Apim.NamedValue.REFERENCE.matcher(policy);
            while (m.find()) {
                check(names.contains(m.group(1).trim().toLowerCase()), path, "names {{" + m.group(1)
                        + "}} but there is no such named value under apim.namedValues");
            }
        });
    }

    private void backends(Apim apim) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < apim.backends().size(); i++) {
            ApimBackend b = apim.backends().get(i);
            String p = "apim.backends[" + i + "]";
            if (required(b.id(), p + ".id")) {
                check(ids.add(b.id().toLowerCase(Locale.ROOT)), p + ".id", "duplicate backend '" + b.id() + "'");
            }
            if (!check(Set.of(ApimBackend.SINGLE, ApimBackend.POOL).contains(b.type()), p + ".type",
                    "must be Single or Pool")) {
                continue;
            }
            if (b.isPool()) {
                pool(apim, b, p);
            } else {
                required(b.url(), p + ".url");
                check(b.pool() == null, p + ".pool", "only a backend of type Pool has members");
                rules(b.circuitBreaker(), p + ".circuitBreaker");
            }
        }
        forEachPolicy(apim, (policy, path) -> {
            Matcher m = BACKEND_ID.matcher(policy);
            while (m.find()) {
                check(apim.backend(m.group(1)).isPresent(), path, "set-backend-service names backend-id '"
                        + m.group(1) + "' but there is no such backend under apim.backends");
            }
        });
    }

    private void pool(Apim apim, ApimBackend b, String p) {
        check(b.url() == null, p + ".url", "a Pool has no url of its own: its members have");
        check(b.circuitBreaker().rules().isEmpty(), p + ".circuitBreaker",
                "put circuit breaker rules on the pool's single backends");
        List<ApimBackend.Member> members = b.pool() == null ? List.of() : b.pool().services();
        check(!members.isEmpty(), p + ".pool.services", "a Pool needs at least one member");
        for (int j = 0; j < members.size(); j++) {
            ApimBackend.Member m = members.get(j);
            String mp = p + ".pool.services[" + j + "]";
            if (required(m.id(), mp + ".id")) {
                check(apim.backend(m.id()).filter(member -> !member.isPool()).isPresent(), mp + ".id",
                        "no single backend '" + m.id() + "' (a pool holds single backends only)");
            }
            check(m.priority() >= 0 && m.priority() <= 100, mp + ".priority", "must be 0..100");
            check(m.weight() >= 0 && m.weight() <= 100, mp + ".weight", "must be 0..100");
        }
    }

    private void rules(ApimBackend.CircuitBreaker breaker, String p) {
        for (int k = 0; k < breaker.rules().size(); k++) {
            ApimBackend.Rule r = breaker.rules().get(k);
            String rp = p + ".rules[" + k + "]";
            required(r.name(), rp + ".name");
            check(ApimBackend.duration(r.tripDuration()).isPresent(), rp + ".tripDuration",
                    "must be a positive ISO 8601 duration, e.g. PT1M");
            ApimBackend.FailureCondition c = r.failureCondition();
            if (!check(c != null, rp + ".failureCondition", "required (count, interval, statusCodeRanges)")) {
                continue;
            }
            check(c.count() != null && c.count() >= 1, rp + ".failureCondition.count", "must be >= 1");
            check(ApimBackend.duration(c.interval()).isPresent(), rp + ".failureCondition.interval",
                    "must be a positive ISO 8601 duration, e.g. PT1M");
            check(!c.statusCodeRanges().isEmpty(), rp + ".failureCondition.statusCodeRanges",
                    "at least one range is required");
            for (int s = 0; s < c.statusCodeRanges().size(); s++) {
                ApimBackend.StatusCodeRange range = c.statusCodeRanges().get(s);
                check(range.min() != null && range.max() != null && range.min() >= 200 && range.min() <= range.max()
                        && range.max() <= 599, rp + ".failureCondition.statusCodeRanges[" + s + "]",
                        "needs min and max within 200..599, min <= max");
            }
        }
    }

    private Set<String> products(Apim apim) {
        Set<String> productIds = new HashSet<>();
        for (int i = 0; i < apim.products().size(); i++) {
            Apim.Product product = apim.products().get(i);
            String p = "apim.products[" + i + "]";
            if (required(product.id(), p + ".id")) {
                check(productIds.add(product.id()), p + ".id", "duplicate product '" + product.id() + "'");
            }
            check(Set.of("published", "notPublished").contains(product.state()), p + ".state",
                    "must be published or notPublished");
            for (int j = 0; j < product.apis().size(); j++) {
                check(apim.apiById(product.apis().get(j)).isPresent(), p + ".apis[" + j + "]",
                        "no API with id '" + product.apis().get(j) + "'");
            }
        }
        return productIds;
    }

    private void subscriptions(Apim apim, Set<String> productIds) {
        for (int i = 0; i < apim.subscriptions().size(); i++) {
            Apim.Subscription s = apim.subscriptions().get(i);
            String p = "apim.subscriptions[" + i + "]";
            required(s.name(), p + ".name");
            check(SUBSCRIPTION_STATES.contains(s.state()), p + ".state", "must be one of " + SUBSCRIPTION_STATES);
            if (!required(s.scope(), p + ".scope")) {
                continue;
            }
            SubscriptionScope scope = s.scopeRef().orElse(null);
            if (!check(scope != null, p + ".scope",
                    "use /apis, /apis/ID or /products/ID (or all, api:ID, product:ID)")) {
                continue;
            }
            if (scope.kind() == SubscriptionScope.Kind.product) {
                check(productIds.contains(scope.id()), p + ".scope", "no product '" + scope.id() + "'");
            } else if (scope.kind() == SubscriptionScope.Kind.api) {
                check(apim.apiById(scope.id()).isPresent(), p + ".scope", "no API '" + scope.id() + "'");
            }
        }
    }

    /** Each API's policy text with its field path ({@code apim.api.policy}, {@code apim.apis[i].policy}). */
    private static void forEachPolicy(Apim apim, java.util.function.BiConsumer<String, String> check) {
        if (apim.api().policy() != null) {
            check.accept(apim.api().policy(), "apim.api.policy");
        }
        for (int i = 0; i < apim.apis().size(); i++) {
            if (apim.apis().get(i).policy() != null) {
                check.accept(apim.apis().get(i).policy(), "apim.apis[" + i + "].policy");
            }
        }
    }

    private boolean required(String value, String path) {
        return problems.required(value, path);
    }

    private boolean check(boolean ok, String path, String message) {
        return problems.check(ok, path, message);
    }
}
