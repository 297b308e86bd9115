package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a simulation in this JVM with Gatling (as {@code ./mvnw gatling:test} would in its own), on a copy of a
 * shipped profile whose topology is copied beside it with its subscription keys pinned.
 */
final class InProcessGatling {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PROPERTIES = List.of("profile", "summary.out", "harness.inProcess",
            "storm.throttleCount", "storm.retryAfterMs", "harness.target", "harness.secrets", "harness.endpoints");

    record Run(int exit, JsonNode summary) {
    }

    private InProcessGatling() {
    }

    /** Clears what a run sets, so each test starts against the embedded topology. */
    static void clearProperties() {
        Stream.concat(PROPERTIES.stream(), Stream.of("sim")).forEach(System::clearProperty);
    }

    static Run run(Path dir, Class<?> simulation, Path profile) throws IOException {
        Path summary = dir.resolve("load-summary.json");
        System.setProperty("harness.inProcess", "true");
        System.setProperty("profile", profile.toString());
        System.setProperty("summary.out", summary.toString());
        int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", simulation.getName(),
                "-rf", dir.resolve("gatling").toString()});
        return new Run(exit, JSON.readTree(summary.toFile()));
    }

    /**
     * Starts the profile's topology ({@code dir/topology.yaml}) beside the run, which sends its load there
     * ({@code -Dharness.endpoints}), so that the admin API can still be asked after the run.
     */
    static EmbeddedTopology startBeside(Path dir) throws Exception {
        EmbeddedTopology t = EmbeddedTopology.start(TopologyLoader.load(dir.resolve("topology.yaml")),
                Files.createDirectories(dir.resolve("beside")));
        Path endpoints = dir.resolve("endpoints.json");
        EndpointsFile.write(t.endpoints(), endpoints);
        System.setProperty("harness.endpoints", endpoints.toString());
        return t;
    }

    /** A copy of a shipped profile with edits, on a copy of its topology whose subscription keys are {@code key}. */
    static Path profile(Path dir, String shipped, Map<String, String> edits, String key) throws IOException {
        String text = Files.readString(Path.of(shipped));
        for (Map.Entry<String, String> e : edits.entrySet()) {
            assertThat(text).contains(e.getKey());
            text = text.replace(e.getKey(), e.getValue());
        }
        Path topology = dir.resolve("topology.yaml");
        String topo = Files.readString(Path.of("scenarios/topologies/load.yaml"));
        for (String sub : List.of("smoke", "load")) {
            String from = "{name: " + sub + ", scope: \"product:aoai-standard\", state: active}";
            assertThat(topo).contains(from);
            topo = topo.replace(from, from.replace("}", ", primaryKey: " + key + "}"));
        }
        Files.writeString(topology, topo);
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, text.replace("topology: scenarios/topologies/load.yaml", "topology: " + topology));
        return file;
    }
}
