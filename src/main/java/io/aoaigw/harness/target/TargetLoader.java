package io.aoaigw.harness.target;

import io.aoaigw.harness.yaml.YamlFileException;
import io.aoaigw.harness.yaml.YamlModelReader;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates a target file; problems are one {@link YamlFileException} naming file, line and field. */
public final class TargetLoader {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
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
        List<Problem> problems = new ArrayList<>();
        require(problems, t.name() != null && !t.name().isBlank(), "name", "required");
        require(problems, t.subscriptionId() != null && GUID.matcher(t.subscriptionId()).matches(), "subscriptionId",
                "required, a GUID");
        require(problems, t.tenantId() != null && GUID.matcher(t.tenantId()).matches(), "tenantId",
                "required, a GUID");
        require(problems, t.resourceGroup() != null && !t.resourceGroup().isBlank(), "resourceGroup", "required");
        if (require(problems, t.apim() != null, "apim", "required")) {
            require(problems, t.apim().service() != null, "apim.service", "required (the APIM service name)");
            require(problems, t.apim().apiId() != null, "apim.apiId", "required (the API id, e.g. azure-openai)");
            require(problems, t.apim().subscriptionKeys().containsKey("active"), "apim.subscriptionKeys",
                    "name the environment variable of an active subscription's key under 'active'");
            for (Map.Entry<String, String> key : t.apim().subscriptionKeys().entrySet()) {
                String path = "apim.subscriptionKeys." + key.getKey();
                String value = key.getValue() == null ? "" : key.getValue();
                if (require(problems, !KEY_LIKE.matcher(value).matches(), path,
                        "this looks like a key: put it in an environment variable and name the variable here")) {
                    require(problems, ENV_NAME.matcher(value).matches(), path,
                            "must be the name of an environment variable");
                }
            }
        }
        if (require(problems, t.frontDoor() != null, "frontDoor", "required")) {
            require(problems, t.frontDoor().profile() != null, "frontDoor.profile", "required");
            require(problems, t.frontDoor().endpoint() != null, "frontDoor.endpoint", "required");
            require(problems, t.frontDoor().originGroup() != null, "frontDoor.originGroup", "required");
        }
        require(problems, !t.accounts().isEmpty(), "accounts", "list the Azure OpenAI account names");
        require(problems, new HashSet<>(t.accounts()).size() == t.accounts().size(), "accounts",
                "an account is listed twice");
        require(problems, !t.expectedDeployments().isEmpty(), "expectedDeployments",
                "list the deployment ids every account must carry");
        for (int i = 0; i < t.expectedDeployments().size(); i++) {
            require(problems, t.expectedDeployments().get(i).id() != null, "expectedDeployments[" + i + "].id",
                    "required");
        }
        require(problems, t.limits().maxRequests() > 0, "limits.maxRequests", "must be > 0");
        require(problems, t.limits().maxDurationSeconds() > 0, "limits.maxDurationSeconds", "must be > 0");
        return problems;
    }

    private static boolean require(List<Problem> problems, boolean ok, String path, String message) {
        if (!ok) {
            problems.add(new Problem(path, message));
        }
        return ok;
    }
}
