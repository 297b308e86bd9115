package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks what binding cannot: required fields, ranges, and that every reference names something that exists. */
final class TopologyValidator {
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{0,62}");

    private final Topology t;
    private final Problems problems = new Problems();

    TopologyValidator(Topology topology) {
        this.t = topology;
    }

    List<Problem> problems() {
        required(t.name(), "name");
        guid(t.subscriptionId(), "subscriptionId");
        required(t.resourceGroup(), "resourceGroup");
        guid(t.tenantId(), "tenantId");
        identities();
        accounts();
        roleAssignments();
        if (t.frontDoor() != null) {
            frontDoor(t.frontDoor());
        }
        if (t.apim() != null) {
            apim(t.apim());
        }
        ports();
        return problems.list();
    }

    private void identities() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.identities().size(); i++) {
            Identity id = t.identities().get(i);
            String p = "identities[" + i + "]";
            if (required(id.name(), p + ".name")) {
                check(names.add(id.name()), p + ".name", "duplicate identity '" + id.name() + "'");
            }
            check(id.kind() != null, p + ".kind", "required (servicePrincipal or managedIdentity)");
            guid(id.clientId(), p + ".clientId");
            guid(id.objectId(), p + ".objectId");
            if (id.kind() == Identity.Kind.servicePrincipal) {
                required(id.clientSecret(), p + ".clientSecret");
            }
        }
    }

    private void roleAssignments() {
        for (int i = 0; i < t.roleAssignments().size(); i++) {
            RoleAssignment ra = t.roleAssignments().get(i);
            String p = "roleAssignments[" + i + "]";
            if (required(ra.principal(), p + ".principal")) {
                check(t.identity(ra.principal()).isPresent(), p + ".principal",
                        "no identity named '" + ra.principal() + "'");
            }
            if (required(ra.role(), p + ".role")) {
                check(Roles.idOf(ra.role()).isPresent() || Problems.isGuid(ra.role()), p + ".role",
                        "unknown role '" + ra.role() + "' (give a built-in role name or a role definition id)");
            }
            if (required(ra.scope(), p + ".scope")) {
                scope(ra.scope(), p + ".scope");
            }
        }
    }

    private void scope(String scope, String path) {
        if (scope.startsWith("account:")) {
            String account = scope.substring("account:".length());
            check(t.account(account).isPresent(), path, "no account named '" + account + "'");
        } else {
            check(scope.startsWith("/subscriptions/") || scope.equals("subscription") || scope.equals("resourceGroup"),
                    path, "use an ARM id or subscription, resourceGroup, account:NAME");
        }
    }

    private void accounts() {
        check(!t.accounts().isEmpty(), "accounts", "at least one account is required");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.accounts().size(); i++) {
            Account a = t.accounts().get(i);
            String p = "accounts[" + i + "]";
            if (required(a.name(), p + ".name")) {
                check(RESOURCE_NAME.matcher(a.name()).matches(), p + ".name", "letters, digits and '-' only");
                check(names.add(a.name()), p + ".name", "duplicate account '" + a.name() + "'");
            }
            required(a.region(), p + ".region");
            port(a.port(), p + ".port");
            latency(a.latency(), p + ".latency");
            faults(a.faults(), p + ".faults");
            check(!a.deployments().isEmpty(), p + ".deployments", "at least one deployment is required");
            Set<String> ids = new HashSet<>();
            for (int j = 0; j < a.deployments().size(); j++) {
                deployment(a.deployments().get(j), p + ".deployments[" + j + "]", ids);
            }
        }
    }

    private void deployment(Deployment d, String p, Set<String> ids) {
        if (required(d.id(), p + ".id")) {
            check(ids.add(d.id()), p + ".id", "duplicate deployment '" + d.id() + "'");
        }
        required(d.model(), p + ".model");
        required(d.version(), p + ".version");
        check(d.tpm() > 0, p + ".tpm", "must be > 0");
        ProvisionedValidator.problems(d, p).forEach(problem -> problems.add(problem.path(), problem.message()));
        check(d.rpm() > 0, p + ".rpm", "must be > 0");
        check(d.dimensions() > 0, p + ".dimensions", "must be > 0");
        check(d.completion().minTokens() >= 1, p + ".completion.minTokens", "must be >= 1");
        check(d.completion().maxTokens() >= d.completion().minTokens(), p + ".completion.maxTokens",
                "must be >= minTokens");
        if (d.latency() != null) {
            latency(d.latency(), p + ".latency");
        }
        check(d.contextWindow() == null || d.contextWindow() > 0, p + ".contextWindow", "must be > 0");
        check(d.contentFilter().chunkTokens() >= 1, p + ".contentFilter.chunkTokens", "must be >= 1");
        int window = d.rateLimit().requestWindowSeconds();
        check(window == 1 || window == 10, p + ".rateLimit.requestWindowSeconds",
                "must be 1 or 10 (the windows Azure evaluates requests over)");
        Integer sliding = d.rateLimit().slidingWindowSeconds();
        check(sliding == null || sliding >= 1 && sliding <= 60,
                p + ".rateLimit.slidingWindowSeconds", "must be between 1 and 60");
    }

    private void latency(LatencyModel l, String p) {
        check(l.timeToFirstTokenMs() >= 0, p + ".timeToFirstTokenMs", "must be >= 0");
        check(l.interTokenMs() >= 0, p + ".interTokenMs", "must be >= 0");
        check(l.jitterMs() >= 0, p + ".jitterMs", "must be >= 0");
    }

    private void faults(Faults f, String p) {
        FaultsValidator.problems(f, p).forEach(problem -> problems.add(problem.path(), problem.message()));
    }

    /** Fixed ports (not 0) must differ: two listeners of one Vert.x on one port would share it, alternating. */
    private void ports() {
        Map<Integer, String> taken = new HashMap<>();
        for (int i = 0; i < t.accounts().size(); i++) {
            fixedPort(taken, t.accounts().get(i).port(), "accounts[" + i + "].port");
        }
        if (t.frontDoor() != null) {
            fixedPort(taken, t.frontDoor().port(), "frontDoor.port");
        }
        if (t.apim() != null) {
            fixedPort(taken, t.apim().port(), "apim.port");
        }
    }

    private void fixedPort(Map<Integer, String> taken, int port, String path) {
        if (port > 0) {
            String first = taken.putIfAbsent(port, path);
            check(first == null, path, "port " + port + " is also " + first + ": each listener needs its own port");
        }
    }

    private void frontDoor(FrontDoor fd) {
        required(fd.profile(), "frontDoor.profile");
        required(fd.endpoint(), "frontDoor.endpoint");
        port(fd.port(), "frontDoor.port");
        FrontDoor.OriginGroup g = fd.originGroup();
        String gp = "frontDoor.originGroup";
        check(g.originResponseTimeoutSeconds() >= 16 && g.originResponseTimeoutSeconds() <= 240,
                gp + ".originResponseTimeoutSeconds", "must be 16..240");
        FrontDoor.HealthProbe probe = g.healthProbe();
        check(Set.of("HEAD", "GET").contains(probe.method()), gp + ".healthProbe.method", "must be HEAD or GET");
        check(Set.of("Http", "Https").contains(probe.protocol()), gp + ".healthProbe.protocol",
                "must be Http or Https");
        check(probe.path().startsWith("/"), gp + ".healthProbe.path", "must start with /");
        check(probe.intervalSeconds() >= 1 && probe.intervalSeconds() <= 255, gp + ".healthProbe.intervalSeconds",
                "must be 1..255");
        FrontDoor.LoadBalancing lb = g.loadBalancing();
        check(lb.sampleSize() >= 1, gp + ".loadBalancing.sampleSize", "must be >= 1");
        check(lb.successfulSamplesRequired() >= 1 && lb.successfulSamplesRequired() <= lb.sampleSize(),
                gp + ".loadBalancing.successfulSamplesRequired", "must be 1..sampleSize");
        check(lb.additionalLatencyInMilliseconds() >= 0, gp + ".loadBalancing.additionalLatencyInMilliseconds",
                "must be >= 0");
        check(!fd.origins().isEmpty(), "frontDoor.origins", "at least one origin is required");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fd.origins().size(); i++) {
            FrontDoor.Origin o = fd.origins().get(i);
            String p = "frontDoor.origins[" + i + "]";
            if (required(o.account(), p + ".account")) {
                check(t.account(o.account()).isPresent(), p + ".account", "no account named '" + o.account() + "'");
                check(names.add(o.name()), p + ".name", "duplicate origin '" + o.name() + "'");
            }
            check(o.priority() >= 1 && o.priority() <= 5, p + ".priority", "must be 1..5");
            check(o.weight() >= 1 && o.weight() <= 1000, p + ".weight", "must be 1..1000");
        }
    }

    private void apim(Apim apim) {
        port(apim.port(), "apim.port");
        new ApimValidator(t, problems).check(apim);
    }

    private void port(int port, String path) {
        check(port >= 0 && port <= 65535, path, "must be 0..65535 (0: ephemeral)");
    }

    private void guid(String value, String path) {
        problems.guid(value, path);
    }

    private boolean required(String value, String path) {
        return problems.required(value, path);
    }

    private boolean check(boolean ok, String path, String message) {
        return problems.check(ok, path, message);
    }
}
