package io.aoaigw.harness.cli;

import io.aoaigw.harness.discover.DiscoveryException;
import io.aoaigw.harness.discover.TargetDiscovery;
import io.aoaigw.harness.target.TargetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code discover}: drafts a target file from what ARM shows of a resource group (GETs only, never a key). */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Reads a resource group from ARM (GETs only) and writes a commented target file: the APIM",
                "service and its API at suffix 'openai', the Front Door its serviceUrl points to, the origin group's",
                "accounts and their common deployments, and the names of the key variables (never a key)."})
final class DiscoverCommand implements Callable<Integer> {
    @Option(names = "--subscription", required = true, paramLabel = "ID", description = "Azure subscription id")
    String subscription;

    @Option(names = "--resource-group", required = true, paramLabel = "NAME", description = "the resource group")
    String resourceGroup;

    @Option(names = "--apim", paramLabel = "NAME", description = "the APIM service (default: the group's only one)")
    String apim;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write it (default: print it)")
    Path out;

    @Option(names = "--credential", paramLabel = "KIND", defaultValue = "azureCli",
            description = "how to sign in to ARM, as in a target file: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE})")
    TargetFile.Authentication.Credential credential;

    @Option(names = "--tenant", paramLabel = "ID", description = "the Entra tenant to sign in to")
    String tenant;

    @Option(names = "--name", paramLabel = "NAME", description = "the target's name (default: the APIM service's)")
    String name;

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = {"read an embedded topology instead of Azure: the endpoints JSON of `emulate`",
                    "(its loopback ARM, signed in as its service principal)"})
    Path endpoints;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        try {
            text = new TargetDiscovery(subscription, resourceGroup, apim, endpoints, credential, tenant, name).draft();
        } catch (DiscoveryException e) {
            throw new UserInputException(e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush(); // print does not flush, and main exits right after
            return 0;
        }
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getOut().println("target file drafted: " + out + " (review the CHOOSE lines, then "
                + "check-target)");
        return 0;
    }
}
