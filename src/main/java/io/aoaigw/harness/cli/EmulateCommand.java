package io.aoaigw.harness.cli;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.EmulatorStartException;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.tls.TlsWarmUp;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
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
        // the first TLS handshake's class loading overlaps reading the topology (see TlsWarmUp)
        TlsWarmUp.beginOnce();
        Topology topology = TopologyLoader.load(topologyFile);
        Path dir = writableFolder();
        long started = System.nanoTime();
        EmbeddedTopology embedded;
        try {
            embedded = EmbeddedTopology.startListening(topology, dir);
        } catch (EmulatorStartException e) {
            if (e.field() == null) {
                throw e;
            }
            throw new UserInputException(topologyFile + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            EndpointsFile.delete(endpointsOut);
            System.err.println("emulator stopped");
            stopped.countDown();
        }, "emulator-shutdown"));
        try {
            EndpointsFile.write(embedded.endpoints(), endpointsOut);
        } catch (UncheckedIOException e) {
            embedded.close();
            throw new UserInputException("--endpoints-out " + endpointsOut + ": cannot write: "
                    + e.getCause().getMessage());
        }
        System.out.println(EndpointsFile.redactedJson(embedded.endpoints()));
        System.out.flush();
        System.err.printf("topology '%s' up in %d ms; endpoints written to %s; Ctrl-C to stop%n",
                topology.name(), (System.nanoTime() - started) / 1_000_000, endpointsOut);
        embedded.ready().onComplete(loaded -> System.err.println(loaded.succeeded()
                ? String.format("tokenizers loaded in %d ms", (System.nanoTime() - started) / 1_000_000)
                : "tokenizers failed to load; chat and embeddings answer 500: " + loaded.cause().getMessage()));
        stopped.await();
        return 0;
    }

    /** The folder of {@code --endpoints-out}, created and checked before anything starts. */
    private Path writableFolder() {
        Path dir = endpointsOut.toAbsolutePath().getParent();
        String problem = null;
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(endpointsOut)) {
                problem = "is a folder; name a file";
            } else if (!Files.isWritable(dir)) {
                problem = "cannot write in " + dir;
            }
        } catch (FileAlreadyExistsException e) {
            problem = "cannot create the folder " + dir + ": a file is in the way";
        } catch (IOException e) {
            problem = "cannot create the folder " + dir + " (" + e.getMessage() + ")";
        }
        if (problem != null) {
            throw new UserInputException("--endpoints-out " + endpointsOut + ": " + problem);
        }
        return dir;
    }
}
