package io.aoaigw.harness.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks an Azure Pipelines file (pipeline or template) before Azure DevOps sees it: Microsoft's
 * {@code service-schema.json} (keys, types, known tasks), then the house rules the schema cannot express — every task
 * pinned to a major version ({@code Task@N}), no secret written inline (a secret-looking variable or env entry must
 * be a {@code $(…)} reference to a secret variable), no stored client secret, bounded jobs
 * ({@code timeoutInMinutes}), the federated token only from an AzureCLI task that asks for it, and reports published
 * even when an earlier step failed.
 */
final class PipelineLint {
    private static final Schema SCHEMA = YamlDocument.schema("/azure-pipelines-vscode/service-schema.json", true);
    private static final Pattern PINNED_TASK = Pattern.compile("[A-Za-z][\\w.-]*@\\d+");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|TOKEN|PASSWORD|PAT)$");
    /** A whole value that only refers to a variable: $(NAME), $[ … ] or ${{ … }}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\([\\w.]+\\)|\\$\\[.*]|\\$\\{\\{.*}}");
    private static final Pattern STORED_SECRET = Pattern.compile("(?i)AZURE_CLIENT_SECRET|servicePrincipalKey|"
            + "client-secret|--password");
    private static final Pattern AFTER_FAILURE = Pattern.compile(".*(always\\(\\)|succeededOrFailed\\(\\)|"
            + "not\\(\\s*canceled\\(\\)\\s*\\)).*");

    private PipelineLint() {
    }

    /** Every problem of the file, each naming the file and where; empty when it is fine. */
    static List<String> problems(Path file) {
        List<String> out = new ArrayList<>();
        JsonNode doc = YamlDocument.read(file, "pipeline", out::add);
        if (doc == null) {
            return out;
        }
        YamlDocument.validate(SCHEMA, asStrings(doc), file, out::add);
        walk(doc, "", msg -> out.add(file + ": " + msg));
        return out;
    }

    /**
     * The tree as Azure Pipelines parses it: every scalar is a string ({@code timeoutInMinutes: 30} is "30"). The
     * schema mostly says so (a boolean is one of true/false/yes/…), but types a few places (a task's
     * {@code timeoutInMinutes}, boolean task inputs): those are checked loosely, a string that parses passing.
     */
    private static JsonNode asStrings(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), asStrings(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(asStrings(n)));
            return copy;
        }
        return node.isNumber() || node.isBoolean() ? TextNode.valueOf(node.asText()) : node;
    }

    /** Visits every mapping: jobs, steps and variable lists may sit at any depth (stages → jobs → steps). */
    private static void walk(JsonNode node, String at, Consumer<String> problem) {
        if (node.isObject()) {
            if (node.has("job") || node.has("deployment")) {
                jobRules(node, at, problem);
            }
            if (node.has("task") || node.has("script") || node.has("bash")) {
                stepRules(node, at, problem);
            }
            secretRules(node, at, problem);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                storedSecret(e.getKey(), at, problem);
                walk(e.getValue(), at + "/" + e.getKey(), problem);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, problem);
            }
        } else if (node.isTextual()) {
            storedSecret(node.asText(), at, problem);
        }
    }

    private static void storedSecret(String text, String at, Consumer<String> problem) {
        if (STORED_SECRET.matcher(text).find()) {
            problem.accept(at + ": names a stored client secret; sign in through workload identity federation");
        }
    }

    private static void jobRules(JsonNode job, String at, Consumer<String> problem) {
        if (job.has("steps") && !job.has("timeoutInMinutes")) { // its type is the schema's business
            problem.accept(at + ": no timeoutInMinutes (every run must be bounded)");
        }
    }

    private static void stepRules(JsonNode step, String at, Consumer<String> problem) {
        String task = step.path("task").asText("");
        if (!task.isEmpty() && !PINNED_TASK.matcher(task).matches()) {
            problem.accept(at + ": task " + task + " is not pinned to a major version (Task@N)");
        }
        String script = step.path("script").asText(step.path("bash").asText(
                step.path("inputs").path("inlineScript").asText("")));
        boolean publishes = task.startsWith("Publish") || script.contains("##vso[task.uploadsummary]");
        if (publishes && !AFTER_FAILURE.matcher(step.path("condition").asText("")).matches()) {
            problem.accept(at + ": reports must be published even after a failed step (condition: not(canceled()))");
        }
        if (script.contains("idToken") && !(task.startsWith("AzureCLI@")
                && step.path("inputs").path("addSpnToEnvironment").asBoolean(false))) {
            problem.accept(at + ": idToken is only set by AzureCLI@2 with addSpnToEnvironment: true");
        }
    }

    /** env and variables (mapping or name/value list) must not hold a secret-looking value inline. */
    private static void secretRules(JsonNode node, String at, Consumer<String> problem) {
        for (Map.Entry<String, JsonNode> e : node.path("env").properties()) {
            inline(e.getKey(), e.getValue(), at + "/env", problem);
        }
        JsonNode vars = node.path("variables");
        if (vars.isObject()) {
            vars.properties().forEach(e -> inline(e.getKey(), e.getValue(), at + "/variables", problem));
        }
        if (node.has("name") && node.has("value") && !node.has("displayName")) {
            inline(node.path("name").asText(), node.path("value"), at, problem);
        }
    }

    private static void inline(String name, JsonNode value, String at, Consumer<String> problem) {
        if (SECRET_NAME.matcher(name).matches() && !REFERENCE.matcher(value.asText("").trim()).matches()) {
            problem.accept(at + "/" + name + ": a secret written inline; use a secret variable ($(" + name + "))");
        }
    }
}
