package io.aoaigw.harness.spec.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Every GET a Resource Manager answers for a deployment, found from the spec rather than from a list: from the
 * roots (a resource group), each resource's child collections are the spec's operations whose template extends the
 * resource's own by literal segments only (…/service/{name} → …/apis, …/products) or that read the resource itself
 * with a query of their own (…/apis/{id}?export=true); operations starting with a scope
 * ({@code /{scope}/providers/Microsoft.Authorization/roleAssignments}) extend every resource. Each list is paged
 * along nextLink, each listed {@code id} is read, and every resource id an answer mentions (a route's origin group, a
 * role assignment's role definition) is read too. So resources other code adds are validated without a list here.
 */
public final class ArmSpecWalk {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One GET and its answer. */
    public record Exchange(ArmOperation operation, String url, int status, String body) {
    }

    /** An answer: status and body. */
    public record Answer(int status, String body) {
    }

    /** The query an operation needs beyond api-version on a resource, or empty to skip it there (e.g. metrics). */
    public interface Queries extends BiFunction<ArmOperation, String, Optional<String>> {
    }

    private final ArmSpec spec;
    private final java.util.function.Function<String, Answer> get;
    private final Queries queries;
    private final String subscriptionPrefix;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    /** {@code get} sends a GET of a path with its query; {@code subscriptionId} bounds the ids followed. */
    public ArmSpecWalk(ArmSpec spec, java.util.function.Function<String, Answer> get, String subscriptionId,
                       Queries queries) {
        this.spec = spec;
        this.get = get;
        this.queries = queries;
        this.subscriptionPrefix = ("/subscriptions/" + subscriptionId + "/").toLowerCase(Locale.ROOT);
    }

    /** Walks from {@code roots} (resource paths) and returns every exchange, in the order sent. */
    public List<Exchange> walk(List<String> roots) {
        Deque<String> resources = new ArrayDeque<>(roots);
        while (!resources.isEmpty()) {
            String resource = resources.pop();
            Optional<ArmOperation> own = spec.operation(resource);
            if (own.isEmpty() || !read.add(resource.toLowerCase(Locale.ROOT))) {
                continue;
            }
            follow(send(own.get(), resource, ""), resources);
            for (ArmOperation child : spec.operations()) {
                Optional<String> suffix = childSuffix(own.get(), child);
                Optional<String> query = suffix.flatMap(s -> queries.apply(child, resource))
                        .map(extra -> String.join("&", java.util.stream.Stream.of(child.query(), extra)
                                .filter(q -> !q.isEmpty()).toList()));
                if (query.isPresent()) {
                    list(child, resource + suffix.get(), query.get(), resources);
                }
            }
        }
        return List.copyOf(exchanges);
    }

    private void list(ArmOperation operation, String path, String query, Deque<String> resources) {
        Exchange page = send(operation, path, query);
        follow(page, resources);
        for (int pages = 0; pages < 50; pages++) {
            String next = field(page, "nextLink");
            if (next.isEmpty()) {
                return;
            }
            URI link = URI.create(next);
            page = record(operation, link.getRawPath() + "?" + link.getRawQuery());
            follow(page, resources);
        }
    }

    private Exchange send(ArmOperation operation, String path, String query) {
        return record(operation, path + "?api-version=" + operation.apiVersion() + (query.isEmpty() ? "" : "&" + query));
    }

    private Exchange record(ArmOperation operation, String url) {
        Answer answer = get.apply(url);
        Exchange exchange = new Exchange(operation, url, answer.status(), answer.body());
        exchanges.add(exchange);
        return exchange;
    }

    /**
     * The literal segments that make {@code child} a collection of {@code parent}'s resource, if it is one; none (an
     * empty suffix) when {@code child} is another view of the resource told apart by its query (an API's export).
     */
    private static Optional<String> childSuffix(ArmOperation parent, ArmOperation child) {
        if (!child.query().isEmpty() && child.shape().equals(parent.shape())) {
            return Optional.of("");
        }
        if (child.extendsAnyScope() && !parent.extendsAnyScope()) {
            String rest = child.template().substring(child.template().indexOf('}') + 1);
            return rest.contains("{") ? Optional.empty() : Optional.of(rest);
        }
        String shape = parent.shape();
        if (!child.shape().startsWith(shape + "/") || child.extendsAnyScope()) {
            return Optional.empty();
        }
        String[] own = parent.template().split("/");
        String[] all = child.template().split("/");
        String rest = "/" + String.join("/", java.util.Arrays.copyOfRange(all, own.length, all.length));
        return rest.contains("{") ? Optional.empty() : Optional.of(rest);
    }

    /** Queues every resource id the answer mentions under the subscription that a GET operation matches. */
    private void follow(Exchange exchange, Deque<String> resources) {
        if (exchange.status() != 200) {
            return;
        }
        try {
            collect(JSON.readTree(exchange.body()), resources);
        } catch (IOException e) {
            // not JSON: the validation reports it
        }
    }

    private void collect(JsonNode node, Deque<String> resources) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.toLowerCase(Locale.ROOT).startsWith(subscriptionPrefix) && !text.contains("?")
                    && spec.operation(text).isPresent()) {
                resources.add(text);
            }
        } else {
            node.forEach(child -> collect(child, resources));
        }
    }

    private static String field(Exchange exchange, String name) {
        try {
            return JSON.readTree(exchange.body()).path(name).asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
