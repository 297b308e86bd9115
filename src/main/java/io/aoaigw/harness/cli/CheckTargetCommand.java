package io.aoaigw.harness.cli;

import io.aoaigw.harness.target.TargetFile;
import io.aoaigw.harness.target.TargetKeys;
import io.aoaigw.harness.target.TargetResolver;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates a target file and that the environment holds the keys it names; contacts nothing. */
@Command(name = "check-target", mixinStandardHelpOptions = true,
        description = {"Validates a target file (scenarios/targets/*.yaml) and checks that every environment",
                "variable it names for a subscription key is set. Sends no request anywhere."})
final class CheckTargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The target file.")
    Path file;

    @Option(names = "--skip-keys", description = "Do not check the key variables (e.g. before secrets are set).")
    boolean skipKeys;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "A secrets file (VARIABLE=value lines) for key variables the environment lacks.")
    Path secrets;

    @Override
    public Integer call() throws Exception {
        TargetFile target;
        try {
            target = TargetResolver.check(file, secrets, !skipKeys);
        } catch (TargetKeys.TargetKeyException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf("target %s: subscription %s, resource group %s, APIM %s (API %s), Front Door %s/%s, "
                        + "%d accounts, %d expected deployments, credential %s%s%n",
                target.name(), target.subscriptionId(), target.resourceGroup(), target.apim().service(),
                target.apim().apiId(), target.frontDoor().profile(), target.frontDoor().endpoint(),
                target.accounts().size(), target.expectedDeployments().size(),
                target.authentication().credential(), skipKeys ? "" : "; key variables set");
        return 0;
    }
}
