package io.aoaigw.harness.discover;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.EmbeddedArm;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.target.ArmCredentials;
import io.aoaigw.harness.target.TargetFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where discovery reads ARM and with which credential: Azure itself with one of the target file's credentials, or
 * an embedded topology's loopback ARM ({@link EmbeddedArm}) with its service principal.
 *
 * @param credentialName what the drafted target file's {@code authentication.credential} says
 * @param tenantId       the tenant signed in to, or null when the credential's settings decide
 */
record ArmAccess(InventoryReader reader, String armUrl, TargetFile.Authentication.Credential credentialName,
                 String tenantId) {
    static final String AZURE_ARM = "https://management.azure.com/";
    private static final String ENTRA = "https://login.microsoftonline.com/";

    static ArmAccess azure(TargetFile.Authentication.Credential credential, String tenantId) {
        HttpClient http = HttpClient.createDefault();
        TokenCredential token = ArmCredentials.of(new TargetFile.Authentication(credential, null), tenantId, http);
        return new ArmAccess(new InventoryReader(new ArmEndpoint(AZURE_ARM, ENTRA, tenantId), token, http),
                AZURE_ARM, credential, tenantId);
    }

    /** The embedded topology of an endpoints JSON; refuses anything but loopback. */
    static ArmAccess embedded(Path endpointsFile) throws IOException {
        EmbeddedArm arm = EmbeddedArm.of(endpointsFile);
        return new ArmAccess(arm.reader(), arm.armUrl(), TargetFile.Authentication.Credential.environment,
                arm.tenantId());
    }
}
