package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;

import io.aoaigw.harness.capacity.DeploymentCapacity;
import io.aoaigw.harness.contract.support.Spread;
import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.target.TargetFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S10: identical deployment ids, with the same model and version, on every account. */
@ContractStep(id = "S10", title = "Same deployments on every account",
        correct = "Every account carries the same set of deployment ids, each with the same model name and version "
                + "everywhere (Front Door may send any request to any account), one kind of capacity (PTU or TPM) per "
                + "Front Door priority, and the deployments the target file expects.")
class S10DeploymentIdsTest {
    private final ResolvedTarget target;

    S10DeploymentIdsTest(ResolvedTarget target) {
        this.target = target;
    }

    @Test
    @Requires(ARM)
    void everyAccountHasTheSameDeploymentIds(Check check) {
        Map<String, AccountInfo> accounts = existingAccounts();
        Set<String> all = accounts.values().stream().flatMap(a -> a.deployments().stream())
                .map(AccountInfo.Deployment::id).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>();
        for (AccountInfo account : accounts.values()) {
            for (String id : all) {
                if (account.deployment(id).isEmpty()) {
                    missing.add(String.format("account %s lacks deployment '%s' that %s carry: deploy it there with "
                            + "the same id, model and version", account.name(), id, carriers(accounts, id)));
                }
            }
        }
        ContractFailure.unless(missing.isEmpty(), String.join("; ", missing));
        check.detail("%s on %s", all, accounts.keySet());
    }

    @Test
    @Requires(ARM)
    void everyDeploymentHasTheSameModelAndVersionEverywhere(Check check) {
        Map<String, AccountInfo> accounts = existingAccounts();
        Map<String, Map<String, List<String>>> byId = new LinkedHashMap<>();
        accounts.values().forEach(a -> a.deployments().forEach(d -> byId.computeIfAbsent(d.id(),
                        k -> new LinkedHashMap<>()).computeIfAbsent(d.model() + " " + d.version(),
                        k -> new ArrayList<>()).add(a.name())));
        List<String> differing = new ArrayList<>();
        byId.forEach((id, models) -> {
            if (models.size() > 1) {
                differing.add(String.format("deployment '%s' is %s: redeploy it with one model and version on every "
                        + "account", id, models.entrySet().stream().map(e -> e.getKey() + " on " + e.getValue())
                        .collect(Collectors.joining(" but "))));
            }
        });
        ContractFailure.unless(differing.isEmpty(), String.join("; ", differing));
        check.detail("%s", byId.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().keySet()).toList());
    }

    @Test
    @Requires(ARM)
    void everyDeploymentHasOneKindOfCapacityPerFrontDoorPriority(Check check) {
        Map<String, AccountInfo> accounts = existingAccounts();
        FrontDoorInfo fd = target.arm().frontDoor();
        Map<String, Integer> priorityOf = new LinkedHashMap<>();
        Spread.accountsOfOrigins(target, fd).forEach((origin, account) -> fd.origins().stream()
                .filter(o -> o.name().equals(origin) && o.enabled()).findFirst()
                .ifPresent(o -> priorityOf.put(account, o.priority() == null ? 1 : o.priority())));
        Map<String, List<String>> capacities = new TreeMap<>();
        List<String> mixed = new ArrayList<>();
        Map<String, Map<Integer, Set<DeploymentCapacity.Unit>>> units = new TreeMap<>();
        accounts.values().forEach(a -> a.deployments().forEach(d -> {
            DeploymentCapacity c = DeploymentCapacity.of(d.sku(), d.capacity(), d.tokensPerMinute());
            capacities.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(a.name() + " " + (c == null
                    ? "capacity unknown" : c + (d.requestsPerMinute() == null ? "" : ", " + d.requestsPerMinute()
                    + " RPM")));
            if (c != null && priorityOf.containsKey(a.name())) {
                units.computeIfAbsent(d.id(), k -> new TreeMap<>()).computeIfAbsent(priorityOf.get(a.name()),
                        k -> new TreeSet<>()).add(c.unit());
            }
        }));
        units.forEach((id, byPriority) -> byPriority.forEach((priority, kinds) -> {
            if (kinds.size() > 1) {
                mixed.add(String.format("deployment '%s' is provisioned (PTU) on some and pay-as-you-go (TPM) on "
                        + "other accounts of Front Door priority %d (%s): weights cannot follow capacities in two "
                        + "units — give the provisioned accounts a priority of their own ahead of the pay-as-you-go "
                        + "ones (spillover), or one sku everywhere", id, priority, capacities.get(id)));
            }
        }));
        ContractFailure.unless(mixed.isEmpty(), String.join("; ", mixed));
        check.detail("%s", capacities);
    }

    @Test
    @Requires(ARM)
    void expectedDeploymentsArePresent(Check check) {
        List<TargetFile.ExpectedDeployment> expected = target.expectedDeployments();
        Assumptions.assumeFalse(expected.isEmpty(), "the target lists no expectedDeployments (embedded topologies "
                + "do not): the accounts are compared with each other only");
        List<String> problems = new ArrayList<>();
        existingAccounts().values().forEach(a -> expected.forEach(e -> a.deployment(e.id()).ifPresentOrElse(d -> {
            if ((e.model() != null && !e.model().equals(d.model()))
                    || (e.version() != null && !Objects.equals(e.version(), d.version()))) {
                problems.add(String.format("account %s has deployment '%s' as %s %s, the target expects %s %s: "
                        + "redeploy it", a.name(), e.id(), d.model(), d.version(), e.model(), e.version()));
            }
        }, () -> problems.add(String.format("account %s has no deployment '%s': deploy %s %s there", a.name(),
                e.id(), e.model(), e.version() == null ? "" : e.version())))));
        ContractFailure.unless(problems.isEmpty(), String.join("; ", problems));
        check.detail("%d expected deployments on every account", expected.size());
    }

    /** Accounts ARM has, in the target's order (a missing one is S8's finding). */
    private Map<String, AccountInfo> existingAccounts() {
        Map<String, AccountInfo> accounts = new LinkedHashMap<>();
        target.names().accounts().forEach(n -> target.arm().accountIfExists(n).ifPresent(a -> accounts.put(n, a)));
        return accounts;
    }

    private static List<String> carriers(Map<String, AccountInfo> accounts, String id) {
        return accounts.values().stream().filter(a -> a.deployment(id).isPresent()).map(AccountInfo::name).toList();
    }
}
