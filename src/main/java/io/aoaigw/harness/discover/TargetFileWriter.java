package io.aoaigw.harness.discover;

import io.aoaigw.harness.target.TargetFile;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link TargetDraft} in the format of {@code scenarios/targets/example.yaml}, with comments: where each
 * value came from, the choices discovery could not make ("# CHOOSE: …"), and the environment variables that must
 * hold the subscription keys (their names only: discovery never reads a key, and ARM never shows one to a Reader).
 */
final class TargetFileWriter {
    static final String ACTIVE_KEY = "AOAI_HARNESS_KEY";
    static final String SUSPENDED_KEY = "AOAI_HARNESS_SUSPENDED_KEY";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9._/-]*");
    private static final String NO_TENANT = "00000000-0000-0000-0000-000000000000";
    private final StringBuilder b = new StringBuilder();

    static String write(TargetDraft d, String name, String armUrl, TargetFile.Authentication.Credential credential,
                        String rehearsalEndpoints) {
        TargetFileWriter w = new TargetFileWriter();
        w.render(d, name, armUrl, credential);
        if (rehearsalEndpoints != null) {
            w.line("");
            w.line("# A rehearsal: ARM and sign-in at this embedded topology's loopback endpoints (emulate");
            w.line("# --endpoints-out), as the service principal it names. Remove for a real deployment.");
            w.line("arm: {endpoints: " + q(rehearsalEndpoints) + "}");
        }
        return w.b.toString();
    }

    private String render(TargetDraft d, String name, String armUrl,
                          TargetFile.Authentication.Credential credential) {
        line("# Drafted by `aoai-gateway-harness discover` from " + armUrl + " (ARM GETs only) at " + Instant.now()
                + ".");
        line("# Review every line, above all the ones marked CHOOSE, then validate with:");
        line("#   java -jar target/aoai-gateway-harness.jar check-target THIS_FILE");
        line("# Fields are explained in scenarios/targets/example.yaml. Keys never go in this file.");
        line("");
        line("name: " + q(name));
        line("subscriptionId: " + q(d.subscriptionId));
        if (d.tenantId == null) {
            line("# CHOOSE: ARM did not show the tenant (pass --tenant, or write the Entra tenant id here)");
        }
        line("tenantId: " + q(d.tenantId == null ? NO_TENANT : d.tenantId));
        line("resourceGroup: " + q(d.resourceGroup));
        line("");
        notes(d.notes("apim"), "");
        line("apim:");
        line("  service: " + q(d.apimService));
        line("  apiId: " + q(d.apiId) + "                 # the API at URL suffix 'openai'");
        String defaultGateway = "https://" + d.apimService + ".azure-api.net";
        if (d.gatewayUrl != null && !d.gatewayUrl.replaceFirst("/+$", "").equalsIgnoreCase(defaultGateway)) {
            line("  gatewayUrl: " + q(d.gatewayUrl) + "   # the service's gateway as ARM reports it");
        } else {
            line("  # gatewayUrl: https://ai.example.com   # only for a custom domain; default " + defaultGateway);
        }
        line("  keyHeader: " + q(d.keyHeader == null ? "api-key" : d.keyHeader) + "   # the API's key header");
        line("  products: [" + String.join(", ", d.products.stream().map(TargetFileWriter::q).toList()) + "]");
        line("  subscriptionKeys:                    # NAMES of environment variables, never the keys");
        line("    active: " + ACTIVE_KEY + "           # a key of an active subscription to the API");
        line("    # suspended: " + SUSPENDED_KEY + "   # optional: a suspended subscription's key (step S7)");
        line("");
        notes(d.notes("frontDoor"), "");
        line("frontDoor:                             # the Front Door the API's serviceUrl points to");
        line("  profile: " + q(d.frontDoorProfile));
        line("  endpoint: " + q(d.frontDoorEndpoint));
        line("  originGroup: " + q(d.originGroup) + "   # the group the endpoint's route forwards to");
        line("");
        notes(d.notes("accounts"), "");
        line("accounts:                              # the accounts behind the origin group's origins");
        d.accounts.forEach(a -> line("  - " + q(a)));
        line("");
        notes(d.notes("expectedDeployments"), "");
        line("expectedDeployments:                   # deployments every account carries");
        for (TargetDraft.Deployment dep : d.deployments) {
            line("  - {id: " + q(dep.id()) + (dep.model() == null ? "" : ", model: " + q(dep.model()))
                    + (dep.version() == null ? "" : ", version: " + q(dep.version())) + "}");
        }
        line("");
        line("authentication:");
        line("  # workloadIdentity (CI: GitHub OIDC, Azure Pipelines service connection), azureCli (a laptop),");
        line("  # environment (AZURE_CLIENT_ID/SECRET/TENANT_ID), managedIdentity (a runner in Azure). Reader on the");
        line("  # resource group is all the identity needs.");
        line("  credential: " + credential + "   # what discovery signed in with");
        line("");
        line("limits:");
        line("  maxRequests: 200");
        line("  maxDurationSeconds: 300");
        return b.toString();
    }

    private void notes(List<String> notes, String indent) {
        notes.forEach(n -> line(indent + "# " + n));
    }

    private void line(String s) {
        b.append(s.replaceAll("\\s+$", "")).append('\n');
    }

    /** A YAML scalar: plain when it is a simple name, else double-quoted (JSON quoting is valid YAML). */
    static String q(String s) {
        if (s == null) {
            return "\"\"";
        }
        if (PLAIN.matcher(s).matches() && !s.matches("(?i)true|false|yes|no|on|off|null|~")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
