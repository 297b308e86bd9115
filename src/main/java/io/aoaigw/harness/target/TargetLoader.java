package io.aoaigw.harness.target;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlFileException;
import io.aoaigw.harness.yaml.YamlModelReader;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates a target file; problems are one {@link YamlFileException} naming file, line and field. */
public final class TargetLoader {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** What a key looks like: a secret pasted where the variable's name belongs must be refused, not used. */
    private static final Pattern KEY_LIKE = Pattern.compile("[0-9a-fA-F]{32}|[A-Za-z0-9+/=]{40,}");

    private TargetLoader() {
    }

    public static TargetFile load(Path file) throws YamlFileException {
        return parse(file, YamlModelReader.readFile(file));
    }

    public static TargetFile parse(Path origin, String text) throws YamlFileException {
        return YamlModelReader.read(origin, text, TargetFile.class, TargetLoader::problems);
    }

    static List<Problem> problems(TargetFile t) {
        Problems problems = new Problems();
        problems.check(t.name() != null && !t.name().isBlank(), "name", "required");
        problems.check(Problems.isGuid(t.subscriptionId()), "subscriptionId",
                "required, a GUID");
        problems.check(Problems.isGuid(t.tenantId()), "tenantId",
                "required, a GUID");
        problems.check(t.resourceGroup() != null && !t.resourceGroup().isBlank(), "resourceGroup", "required");
        if (problems.check(t.apim() != null, "apim", "required")) {
            problems.check(t.apim().service() != null, "apim.service", "required (the APIM service name)");
            problems.check(t.apim().apiId() != null, "apim.apiId", "required (the API id, e.g. azure-openai)");
            if (t.apim().gatewayUrl() != null) {
                if (problems.check(!GatewayUrls.carriesSecrets(t.apim().gatewayUrl()), "apim.gatewayUrl",
                        "must not carry user info, a query or a fragment (a key goes in an environment variable "
                                + "named under apim.subscriptionKeys)")) {
                    problems.check(GatewayUrls.acceptable(t.apim().gatewayUrl()), "apim.gatewayUrl",
                            "must be an https:// URL (http:// only for a loopback host, e.g. a local rehearsal)");
                }
            }
            problems.check(t.apim().subscriptionKeys().containsKey("active"), "apim.subscriptionKeys",
                    "name the environment variable of an active subscription's key under 'active'");
            for (Map.Entry<String, String> key : t.apim().subscriptionKeys().entrySet()) {
                String path = "apim.subscriptionKeys." + key.getKey();
                String value = key.getValue() == null ? "" : key.getValue();
                if (problems.check(!KEY_LIKE.matcher(value).matches(), path,
                        "this looks like a key: put it in an environment variable and name the variable here")) {
                    problems.check(ENV_NAME.matcher(value).matches(), path,
                            "must be the name of an environment variable");
                }
            }
        }
        if (problems.check(t.frontDoor() != null, "frontDoor", "required")) {
            problems.check(t.frontDoor().profile() != null, "frontDoor.profile", "required");
            problems.check(t.frontDoor().endpoint() != null, "frontDoor.endpoint", "required");
            problems.check(t.frontDoor().originGroup() != null, "frontDoor.originGroup", "required");
        }
        problems.check(!t.accounts().isEmpty(), "accounts", "list the Azure OpenAI account names");
        problems.check(new HashSet<>(t.accounts()).size() == t.accounts().size(), "accounts",
                "an account is listed twice");
        problems.check(!t.expectedDeployments().isEmpty(), "expectedDeployments",
                "list the deployment ids every account must carry");
        for (int i = 0; i < t.expectedDeployments().size(); i++) {
            problems.check(t.expectedDeployments().get(i).id() != null, "expectedDeployments[" + i + "].id",
                    "required");
        }
        if (t.arm() != null) {
            problems.check(t.arm().endpoints() != null && !t.arm().endpoints().isBlank(), "arm.endpoints",
                    "required with arm: the endpoints JSON of an embedded topology (emulate --endpoints-out)");
        }
        problems.check(t.limits().maxRequests() > 0 && t.limits().maxRequests() <= TargetFile.Limits.MAX_REQUESTS,
                "limits.maxRequests", "must be 1.." + TargetFile.Limits.MAX_REQUESTS);
        problems.check(t.limits().maxDurationSeconds() > 0
                        && t.limits().maxDurationSeconds() <= TargetFile.Limits.MAX_DURATION_SECONDS,
                "limits.maxDurationSeconds", "must be 1.." + TargetFile.Limits.MAX_DURATION_SECONDS);
        return problems.list();
    }
}
