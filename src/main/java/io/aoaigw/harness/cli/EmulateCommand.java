package io.aoaigw.harness.cli;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the embedded topology and keeps it up until SIGINT/SIGTERM. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {"Starts the embedded APIM → Front Door → Azure OpenAI topology on loopback.",
                "Writes the endpoints JSON once every listener is up, prints it (keys redacted),",
                "and runs until interrupted (Ctrl-C, SIGTERM); the file is removed on shutdown."})
final class EmulateCommand implements Callable<Integer> {

    @Option(names = "--topology", paramLabel = "FILE", defaultValue = "scenarios/topologies/default.yaml",
            description = "Topology YAML (default: ${DEFAULT-VALUE}).")
    Path topologyFile;

    @Option(names = "--endpoints-out", paramLabel = "FILE", defaultValue = "target/emulator/endpoints.json",
            description = "Where to write the endpoints JSON; the TLS trust store is written beside it "
                    + "(default: ${DEFAULT-VALUE}).")
    Path endpointsOut;

    @Override
    public Integer call() throws Exception {
        Topology topology = TopologyLoader.load(topologyFile);
        Path dir = endpointsOut.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        long started = System.nanoTime();
        EmbeddedTopology embedded = EmbeddedTopology.start(topology, dir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            EndpointsFile.delete(endpointsOut);
            System.err.println("emulator stopped");
            stopped.countDown();
        }, "emulator-shutdown"));
        EndpointsFile.write(embedded.endpoints(), endpointsOut);
        System.out.println(EndpointsFile.redactedJson(embedded.endpoints()));
        System.out.flush();
        System.err.printf("topology '%s' up in %d ms; endpoints written to %s; Ctrl-C to stop%n",
                topology.name(), (System.nanoTime() - started) / 1_000_000, endpointsOut);
        stopped.await();
        return 0;
    }
}
