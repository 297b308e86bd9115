package io.aoaigw.harness.discover;

import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.target.TargetArm;
import io.aoaigw.harness.target.TargetFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where discovery reads ARM and with which credential: Azure itself with one of the target file's credentials, or
 * an embedded topology's loopback ARM ({@link TargetArm}) with its service principal.
 *
 * @param credentialName what the drafted target file's {@code authentication.credential} says
 * @param tenantId       the tenant signed in to, or null when the credential's settings decide
 */
record ArmAccess(InventoryReader reader, String armUrl, TargetFile.Authentication.Credential credentialName,
                 String tenantId) {
    static final String AZURE_ARM = TargetArm.AZURE_ARM;

    static ArmAccess azure(TargetFile.Authentication.Credential credential, String tenantId) {
        TargetArm arm = TargetArm.azure(new TargetFile.Authentication(credential, null), tenantId, h -> h);
        return new ArmAccess(arm.reader(), arm.armUrl(), credential, tenantId);
    }

    /** The embedded topology of an endpoints JSON; refuses anything but loopback. */
    static ArmAccess embedded(Path endpointsFile) throws IOException {
        TargetArm arm = TargetArm.embedded(endpointsFile);
        return new ArmAccess(arm.reader(), arm.armUrl(), TargetFile.Authentication.Credential.environment,
                arm.tenantId());
    }
}
