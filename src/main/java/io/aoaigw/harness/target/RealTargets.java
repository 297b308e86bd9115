package io.aoaigw.harness.target;

import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

/**
 * A real deployment described by a target file: ARM read with the credential the file names (never a guessing
 * chain), keys from the environment variables it names, the gateway URL and key names from ARM (the file's own
 * {@code apim.gatewayUrl} and {@code keyHeader} for the load, which reads no ARM), and the file's bounds on requests
 * and time. There is no inside view.
 */
final class RealTargets {
    private RealTargets() {
    }

    /** @param secrets a secrets file for key variables the environment lacks, or null */
    static ResolvedTarget load(Path file, Path secrets, Path callsOut) {
        TargetFile t;
        Map<String, String> keys;
        try {
            t = TargetLoader.load(file);
            keys = TargetKeys.resolve(t, TargetKeys.environment(secrets));
        } catch (Exception e) {
            throw new TargetException("cannot use target file " + file + ": " + e.getMessage());
        }
        CallLog calls = new CallLog();
        InventoryTarget names = names(t);
        String hint = "the target file " + file;
        Lazy<TargetArm> arm = new Lazy<>(() -> t.arm() == null
                ? TargetArm.azure(t.authentication(), t.tenantId(),
                        h -> ArmClientDecorator.applyAll(new RecordingHttpClient(h, calls)))
                : rehearsal(file, t, calls));
        ArmFacts facts = new ArmFacts(() -> arm.get().reader(), names, hint);
        return ResolvedTarget.builder()
                .name(t.name(), hint)
                .arm(names, arm, facts)
                .gateway(() -> facts.apimService().gatewayUrl(), () -> keys(facts.api(), keys),
                        () -> chatDeployment(t))
                .entry(() -> new ResolvedTarget.Entry(t.apim().gateway(), t.apim().keyHeader(), keys.get("active")))
                .real(t)
                .trust(() -> t.arm() == null ? null : arm.get().trust()) // a rehearsal presents the run's cert
                .run(new Budget(t.limits().maxRequests(), Duration.ofSeconds(t.limits().maxDurationSeconds()),
                        "limits of " + file), calls, Redactor.of(new ArrayList<>(keys.values())), callsOut)
                .build();
    }

    /** What to read of the deployment. */
    private static InventoryTarget names(TargetFile t) {
        return new InventoryTarget(t.subscriptionId(), t.resourceGroup(), t.apim().service(), t.apim().apiId(),
                t.frontDoor().profile(), t.frontDoor().endpoint(), t.frontDoor().originGroup(), t.accounts());
    }

    /** The file's loopback ARM of an embedded topology (arm.endpoints). */
    private static TargetArm rehearsal(Path file, TargetFile t, CallLog calls) {
        try {
            return TargetArm.embedded(Path.of(t.arm().endpoints()),
                    h -> ArmClientDecorator.applyAll(new RecordingHttpClient(h, calls)));
        } catch (Exception e) {
            throw new TargetException("cannot use target file " + file + ": arm.endpoints: " + e.getMessage());
        }
    }

    private static ResolvedTarget.Keys keys(ApiInfo api, Map<String, String> keys) {
        return new ResolvedTarget.Keys(keys.get("active"), keys.get("suspended"), api.keyHeader(), api.keyQuery());
    }

    private static String chatDeployment(TargetFile t) {
        return t.expectedDeployments().stream().map(TargetFile.ExpectedDeployment::id)
                .filter(id -> !id.contains("embedding")).findFirst()
                .orElseThrow(() -> new TargetException("target file " + t.name()
                        + " lists no chat deployment under expectedDeployments: add one"));
    }
}
