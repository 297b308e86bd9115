package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;

import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.Origins;
import io.aoaigw.harness.contract.support.Traffic;
import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.topology.Regions;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S8: every listed Azure OpenAI account exists and answers through the chain with its own region. */
@ContractStep(id = "S8", title = "Azure OpenAI accounts",
        correct = "Every listed account exists in Resource Manager as an OpenAI account, and answers that come "
                + "through the gateway carry the region (x-ms-region) of the account that served them.")
class S08AccountsTest {
    /** Chats per account in the sample: enough to reach every equally weighted account with high probability. */
    private static final int PER_ACCOUNT = 4;

    private final ResolvedTarget target;

    S08AccountsTest(ResolvedTarget target) {
        this.target = target;
    }

    @Test
    @Requires(ARM)
    void everyListedAccountExists(Check check) {
        List<String> problems = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String name : target.names().accounts()) {
            try {
                AccountInfo account = target.arm().account(name);
                boolean openAi = "OpenAI".equalsIgnoreCase(account.kind()) || "AIServices".equalsIgnoreCase(account.kind());
                if (openAi) {
                    found.add(name + " (" + account.region() + ")");
                } else {
                    problems.add("account " + name + " is of kind " + account.kind() + ", not OpenAI: list the Azure "
                            + "OpenAI account instead");
                }
            } catch (ContractFailure e) {
                problems.add(e.getMessage());
            }
        }
        ContractFailure.unless(problems.isEmpty(), String.join("; ", problems));
        check.detail(String.join(", ", found));
    }

    @Test
    @Requires({ARM, GATEWAY})
    void answersComeWithTheRegionOfTheAccountThatServedThem(Check check) {
        Map<String, String> regions = knownRegions();
        Origins origins = new Origins(target, regions);
        ContractFailure.unless(origins.attributable(), "accounts share a region (%s), so answers cannot be told "
                + "apart on a real target: check them one by one", origins.sharedRegions());
        List<Response> answers = Traffic.sample(target, PER_ACCOUNT * target.names().accounts().size(), 12);

        Set<String> reached = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Response answer : answers) {
            String region = answer.getHeader("x-ms-region");
            Optional<String> account = region == null ? Optional.empty() : origins.accountOf(answer);
            account.ifPresent(reached::add);
            if (region != null && account.isEmpty() && !regions.isEmpty()) {
                wrong.add("an answer came from region " + region + ", which is none of the listed accounts' " + regions
                        + ": Front Door routes to an account the target does not list");
            }
            account.filter(a -> regions.containsKey(a) && !Regions.key(region).equals(Regions.key(regions.get(a))))
                    .ifPresent(a -> wrong.add(a + " answered with region " + region + " but Resource Manager places it "
                            + "in " + regions.get(a) + ": check the account's location"));
        }
        Assumptions.assumeTrue(!reached.isEmpty() || !wrong.isEmpty(), () -> "cannot judge regions: no answer "
                + "through the gateway came from an account (" + GatewayAnswers.explain(answers.get(0)) + ")");
        ContractFailure.unless(wrong.isEmpty(), String.join("; ", new LinkedHashSet<>(wrong)));
        List<String> unreached = target.names().accounts().stream().filter(a -> !reached.contains(a)).toList();
        check.detail("%d chats reached %s with their own regions%s", answers.size(), reached, unreached.isEmpty() ? ""
                : "; not reached in this sample: " + unreached + " (Front Door's priorities, weights and health decide"
                + " which accounts serve: see S9)");
    }

    /** The region ARM gives each listed account that exists (a missing one is the other check's finding). */
    private Map<String, String> knownRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        target.names().accounts().forEach(name -> target.arm().accountIfExists(name)
                .ifPresent(info -> regions.put(name, info.region())));
        return regions;
    }
}
