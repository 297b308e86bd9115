package io.aoaigw.harness.discover;

import com.azure.core.exception.ClientAuthenticationException;
import io.aoaigw.harness.inventory.ArmJson;
import io.aoaigw.harness.target.TargetFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code discover}'s work: signs in, walks the resource group ({@link Discovery}) and returns the drafted target
 * file's text. Every failure becomes one {@link DiscoveryException} line (unknown group, no APIM, ARM unreachable,
 * credential refused); no token or key ever appears in it or in the draft.
 *
 * @param endpoints an embedded topology's endpoints JSON (loopback ARM and its service principal), or null for Azure
 * @param tenantId  the tenant to sign in to (Azure), or null to let the credential decide
 * @param name      the target's name in reports, or null for the APIM service's name
 */
public record TargetDiscovery(String subscriptionId, String resourceGroup, String apim, Path endpoints,
                              TargetFile.Authentication.Credential credential, String tenantId, String name) {

    public String draft() {
        ArmAccess access = access();
        try {
            ArmJson arm = access.reader().json(subscriptionId);
            TargetDraft draft = new Discovery(arm, subscriptionId, resourceGroup).run(apim);
            if (tenantId != null || access.tenantId() != null) {
                draft.tenantId = tenantId != null ? tenantId : access.tenantId();
            }
            return TargetFileWriter.write(draft, name != null ? name : draft.apimService, access.armUrl(),
                    access.credentialName(), endpoints == null ? null : endpoints.toString());
        } catch (DiscoveryException e) {
            throw e;
        } catch (ArmJson.ArmCallException e) {
            throw new DiscoveryException("ARM " + access.armUrl() + " answered " + e.status() + " " + e.code() + ": "
                    + Discovery.firstLine(e.armMessage()));
        } catch (ClientAuthenticationException e) {
            throw new DiscoveryException("cannot sign in to ARM with credential " + access.credentialName() + ": "
                    + Discovery.firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new DiscoveryException("ARM " + access.armUrl() + " unreachable or unreadable: " + rootCause(e));
        }
    }

    private ArmAccess access() {
        if (endpoints == null) {
            return ArmAccess.azure(credential, tenantId);
        }
        try {
            return ArmAccess.embedded(endpoints);
        } catch (IOException e) {
            throw new DiscoveryException("--endpoints " + endpoints + ": cannot read: " + rootCause(e));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("--endpoints " + endpoints + ": " + e.getMessage());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? "" : ": " + Discovery.firstLine(t.getMessage());
        return t.getClass().getSimpleName() + msg;
    }
}
