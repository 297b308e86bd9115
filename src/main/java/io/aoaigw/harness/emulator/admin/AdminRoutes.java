package io.aoaigw.harness.emulator.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's route table: every route in one list, each a method, a path template with {@code {name}}
 * parameters, and one small task. Components add their own routes; the table lists itself at {@code GET /admin}.
 */
public final class AdminRoutes {
    private final List<Route> routes = new ArrayList<>();

    public AdminRoutes add(String method, String template, String description, AdminTask task) {
        routes.add(new Route(method, template, description, task));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /** The route matching this method and path, with its path parameters. */
    Optional<Match> match(String method, String path) {
        String[] parts = path.split("/", -1);
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = route.bind(parts);
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** True when some route has this path (with another method): the answer is then 405, not 404. */
    boolean knowsPath(String path) {
        String[] parts = path.split("/", -1);
        return routes.stream().anyMatch(r -> r.bind(parts) != null);
    }

    record Match(Route route, Map<String, String> params) {
    }

    record Route(String method, String template, String description, AdminTask task) {
        Map<String, String> bind(String[] parts) {
            String[] expected = template.split("/", -1);
            if (expected.length != parts.length) {
                return null;
            }
            Map<String, String> params = new java.util.HashMap<>();
            for (int i = 0; i < expected.length; i++) {
                if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                    params.put(expected[i].substring(1, expected[i].length() - 1), parts[i]);
                } else if (!expected[i].equals(parts[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
