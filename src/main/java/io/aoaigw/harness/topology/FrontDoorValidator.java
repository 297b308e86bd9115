package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks Front Door's routes and further origin groups: every route sends to an origin group of the profile. */
final class FrontDoorValidator {
    private final Problems problems = new Problems();

    private FrontDoorValidator() {
    }

    static List<Problem> problems(Topology t) {
        FrontDoorValidator v = new FrontDoorValidator();
        if (t.frontDoor() != null) {
            v.check(t.frontDoor());
        }
        return v.problems.list();
    }

    private void check(FrontDoor fd) {
        Set<String> groups = new HashSet<>(Set.of(fd.originGroup().name()));
        for (int i = 0; i < fd.originGroups().size(); i++) {
            FrontDoor.HostOriginGroup g = fd.originGroups().get(i);
            String p = "frontDoor.originGroups[" + i + "]";
            if (problems.required(g.name(), p + ".name")) {
                problems.check(groups.add(g.name()), p + ".name", "duplicate origin group '" + g.name() + "'");
            }
            problems.check(!g.origins().isEmpty(), p + ".origins", "at least one origin is required");
            Set<String> names = new HashSet<>();
            for (int j = 0; j < g.origins().size(); j++) {
                FrontDoor.HostOrigin o = g.origins().get(j);
                String op = p + ".origins[" + j + "]";
                if (problems.required(o.hostName(), op + ".hostName")) {
                    problems.check(names.add(o.name()), op + ".name", "duplicate origin '" + o.name() + "'");
                }
            }
        }
        routes(fd, groups);
    }

    private void routes(FrontDoor fd, Set<String> groups) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fd.routes().size(); i++) {
            FrontDoor.Route r = fd.routes().get(i);
            String p = "frontDoor.routes[" + i + "]";
            if (problems.required(r.name(), p + ".name")) {
                problems.check(names.add(r.name()), p + ".name", "duplicate route '" + r.name() + "'");
            }
            if (problems.required(r.originGroup(), p + ".originGroup")) {
                problems.check(groups.contains(r.originGroup()), p + ".originGroup",
                        "no origin group named '" + r.originGroup() + "'");
            }
            for (int j = 0; j < r.patternsToMatch().size(); j++) {
                String pattern = r.patternsToMatch().get(j);
                int star = pattern.indexOf('*');
                problems.check(pattern.startsWith("/") && (star == -1 || star == pattern.length() - 1),
                        p + ".patternsToMatch[" + j + "]", "must start with / and may end with *");
            }
            problems.check(Set.of("HttpOnly", "HttpsOnly", "MatchRequest").contains(r.forwardingProtocol()),
                    p + ".forwardingProtocol", "must be HttpOnly, HttpsOnly or MatchRequest");
            problems.check(Set.of("Http", "Https").containsAll(r.supportedProtocols()), p + ".supportedProtocols",
                    "may hold Http and Https only");
        }
    }
}
