package io.aoaigw.harness.contract.support;

import com.azure.core.http.HttpClient;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.EmbeddedArm;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.spec.arm.ArmSpecHttpClient;
import io.aoaigw.harness.target.ArmCredentials;
import io.aoaigw.harness.target.TargetFile;
import io.aoaigw.harness.target.TargetKeys;
import io.aoaigw.harness.target.TargetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

/**
 * A real deployment described by a target file: ARM read with the credential the file names (never a guessing
 * chain), keys from the environment variables it names, the gateway URL and key names from ARM, and the file's
 * bounds on requests and time. There is no inside view.
 */
public final class RealTargets {
    private static final String ARM = "https://management.azure.com/";
    private static final String ENTRA = "https://login.microsoftonline.com/";

    private RealTargets() {
    }

    /** @param secrets a secrets file for key variables the environment lacks, or null */
    public static ContractTarget load(Path file, Path secrets, Path callsOut) {
        TargetFile t;
        Map<String, String> keys;
        try {
            t = TargetLoader.load(file);
            keys = TargetKeys.resolve(t, TargetKeys.environment(secrets));
        } catch (Exception e) {
            throw new ContractFailure("cannot use target file " + file + ": " + e.getMessage());
        }
        CallLog calls = new CallLog();
        InventoryTarget names = InventoryTarget.of(t);
        String hint = "the target file " + file;
        EmbeddedArm rehearsal = rehearsal(file, t, calls);
        String armUrl = rehearsal == null ? ARM : rehearsal.armUrl();
        ArmFacts arm = new ArmFacts(rehearsal != null ? rehearsal.reader() : azure(t, calls), names, hint);
        return ContractTarget.builder()
                .name(t.name(), hint)
                .arm(names, armUrl, arm)
                .gateway(() -> arm.apimService().gatewayUrl(), () -> keys(arm.api(), keys),
                        chatDeployment(t))
                .expected(t.expectedDeployments())
                .run(new Budget(t.limits().maxRequests(), Duration.ofSeconds(t.limits().maxDurationSeconds()),
                        "limits of " + file), calls, Redactor.of(new ArrayList<>(keys.values())), callsOut)
                .build();
    }

    private static InventoryReader azure(TargetFile t, CallLog calls) {
        HttpClient http = ArmSpecHttpClient.wrapIfEnabled(new RecordingHttpClient(HttpClient.createDefault(), calls));
        return new InventoryReader(new ArmEndpoint(ARM, ENTRA, t.tenantId()),
                ArmCredentials.of(t.authentication(), t.tenantId(), http), http);
    }

    /** The file's loopback ARM of an embedded topology (arm.endpoints), or null for Azure. */
    private static EmbeddedArm rehearsal(Path file, TargetFile t, CallLog calls) {
        if (t.arm() == null) {
            return null;
        }
        try {
            return EmbeddedArm.of(Path.of(t.arm().endpoints()),
                    h -> ArmSpecHttpClient.wrapIfEnabled(new RecordingHttpClient(h, calls)));
        } catch (Exception e) {
            throw new ContractFailure("cannot use target file " + file + ": arm.endpoints: " + e.getMessage());
        }
    }

    private static ContractTarget.Keys keys(ApiInfo api, Map<String, String> keys) {
        return new ContractTarget.Keys(keys.get("active"), keys.get("suspended"), api.keyHeader(), api.keyQuery());
    }

    private static String chatDeployment(TargetFile t) {
        return t.expectedDeployments().stream().map(TargetFile.ExpectedDeployment::id)
                .filter(id -> !id.contains("embedding")).findFirst()
                .orElseThrow(() -> new ContractFailure("target file " + t.name()
                        + " lists no chat deployment under expectedDeployments: add one"));
    }
}
