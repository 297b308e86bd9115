package io.aoaigw.harness.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a GitHub Actions workflow before GitHub sees it: SchemaStore's workflow schema (syntax, keys, types), then
 * the house rules the schema cannot express — every action pinned to a full version tag or a commit SHA, explicit
 * least-privilege permissions, an OIDC token only for jobs that sign in to Azure, bounded jobs, and reports uploaded
 * even when an earlier step failed.
 */
final class WorkflowLint {
    /** owner/repo[/path]@vX.Y.Z or @<40 hex>; local (./) actions need no pin. */
    private static final Pattern PINNED =
            Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})");
    private static final String AZURE_LOGIN = "azure/login@";
    private static final Schema SCHEMA = YamlDocument.schema("/schemastore/github-workflow.json", false);

    private WorkflowLint() {
    }

    /** Every problem of the file, each naming the file and where; empty when it is fine. */
    static List<String> problems(Path file) {
        List<String> out = new ArrayList<>();
        JsonNode workflow = YamlDocument.read(file, "workflow", out::add);
        if (workflow == null) {
            return out;
        }
        YamlDocument.validate(SCHEMA, workflow, file, out::add);
        houseRules(workflow, msg -> out.add(file + ": " + msg));
        return out;
    }

    private static void houseRules(JsonNode workflow, java.util.function.Consumer<String> problem) {
        JsonNode top = workflow.path("permissions");
        if (top.isMissingNode()) {
            problem.accept("permissions: missing at the top (the default token may be read-write)");
        } else if (grantsWrite(top)) {
            problem.accept("permissions: the top level grants write; grant it per job where needed");
        }
        for (Map.Entry<String, JsonNode> job : workflow.path("jobs").properties()) {
            jobRules(job.getKey(), job.getValue(), problem);
        }
    }

    private static void jobRules(String name, JsonNode job, java.util.function.Consumer<String> problem) {
        String where = "jobs." + name;
        checkPinned(where + ".uses", job.path("uses"), problem);
        boolean azureLogin = false;
        int i = 0;
        for (JsonNode step : job.path("steps")) {
            String at = where + ".steps[" + i++ + "]";
            checkPinned(at + ".uses", step.path("uses"), problem);
            String uses = step.path("uses").asText("");
            azureLogin |= uses.toLowerCase().startsWith(AZURE_LOGIN);
            if (uses.startsWith("actions/upload-artifact@") && !step.path("if").asText("").matches(
                    ".*(always\\(\\)|!\\s*cancelled\\(\\)|failure\\(\\)).*")) {
                problem.accept(at + ": reports must be uploaded even after a failed step (if: ${{ !cancelled() }})");
            }
        }
        boolean idToken = "write".equals(job.path("permissions").path("id-token").asText());
        if (idToken && !azureLogin) {
            problem.accept(where + ".permissions: id-token: write without azure/login");
        }
        if (azureLogin && !idToken) {
            problem.accept(where + ".permissions: azure/login with OIDC needs id-token: write");
        }
        if (job.has("steps") && !job.has("timeout-minutes")) {
            problem.accept(where + ": no timeout-minutes (every run must be bounded)");
        }
    }

    private static void checkPinned(String where, JsonNode uses, java.util.function.Consumer<String> problem) {
        String ref = uses.asText("");
        if (ref.isEmpty() || ref.startsWith("./")) {
            return;
        }
        if (!PINNED.matcher(ref).matches()) {
            problem.accept(where + ": " + ref + " is not pinned to a full version tag (vX.Y.Z) or a commit SHA");
        }
    }

    private static boolean grantsWrite(JsonNode permissions) {
        if (permissions.isTextual()) {
            return permissions.asText().contains("write");
        }
        for (JsonNode value : permissions) {
            if ("write".equals(value.asText())) {
                return true;
            }
        }
        return false;
    }
}
