package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;

import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.inventory.RoleAssignmentInfo;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.topology.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** S4: APIM's system-assigned identity and its data-plane role on every account. */
@ContractStep(id = "S4", title = "Managed identity and role",
        correct = "APIM's system-assigned managed identity is on, with a principal id, and that principal holds "
                + "'Cognitive Services OpenAI User' (5e0bd9bd-7b93-4f28-af87-19fc36ad61bd) at or above the scope of "
                + "every Azure OpenAI account.")
class S04ManagedIdentityTest {
    private static final String ROLE = "'" + Roles.nameOf(Roles.OPENAI_USER) + "'";

    private final ResolvedTarget target;

    S04ManagedIdentityTest(ResolvedTarget target) {
        this.target = target;
    }

    @Test
    @Requires(ARM)
    void apimHasASystemAssignedIdentity(Check check) {
        ApimService apim = target.arm().apimService();

        ContractFailure.unless(apim.identityEnabled() && apim.principalId() != null, "APIM service %s has no "
                + "system-assigned managed identity: turn it on (Security → Managed identities → System assigned)",
                apim.name());
        check.detail("principal %s", apim.principalId());
    }

    @Test
    @Requires(ARM)
    void identityHoldsOpenAiUserOnEveryAccount(Check check) {
        ApimService apim = target.arm().apimService();
        ContractFailure.unless(apim.principalId() != null, "APIM service %s has no managed identity to hold %s: "
                + "turn its system-assigned identity on, then assign the role on every account", apim.name(), ROLE);
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String account : target.names().accounts()) {
            String scope = target.names().resourceGroupId() + "/providers/Microsoft.CognitiveServices/accounts/"
                    + account;
            Optional<RoleAssignmentInfo> grant = target.arm().roleAssignments().stream()
                    .filter(ra -> ra.principalId().equalsIgnoreCase(apim.principalId()))
                    .filter(ra -> Roles.grantsInference(ra.roleDefinitionId()) && ra.appliesTo(scope))
                    .findFirst();
            grant.ifPresentOrElse(ra -> found.add(account + ": " + ra.roleName() + " at " + ra.scope()),
                    () -> missing.add(String.format("principal %s of %s has no %s on %s (scope %s): assign the role "
                            + "to APIM's managed identity on that account", apim.principalId(), apim.name(), ROLE,
                            account, scope)));
        }
        ContractFailure.unless(missing.isEmpty(), String.join("; ", missing));
        check.detail(String.join("; ", found));
    }
}
