package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A Gatling JVM that runs out of memory leaves no heap dump in its working directory (the project, under
 * {@code ./mvnw gatling:test}). A JVM is started with Gatling's default options (the Maven plugin's
 * {@code GatlingConstants.DEFAULT_JVM_OPTIONS_GATLING} include {@code -XX:+HeapDumpOnOutOfMemoryError}) followed by
 * the {@code jvmArgs} the pom gives the plugin, and made to run out of memory.
 */
class GatlingJvmHeapDumpTest {
    private static final String GATLING_DEFAULT = "-XX:+HeapDumpOnOutOfMemoryError";

    @Test
    void anOutOfMemoryGatlingJvmLeavesNoHeapDumpInItsDirectory(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Oom.java"),
                "public class Oom { public static void main(String[] a) { java.util.List<long[]> l ="
                        + " new java.util.ArrayList<>(); while (true) { l.add(new long[1 << 16]); } } }");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                GATLING_DEFAULT));
        command.addAll(pluginJvmArgs());
        command.addAll(List.of("-Xmx32m", source.toString()));

        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isNotZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("OutOfMemoryError");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".hprof"));
        }
    }

    /** The gatling-maven-plugin's {@code jvmArgs}, with Maven properties of the form ${java.io.tmpdir} resolved. */
    private static List<String> pluginJvmArgs() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        NodeList plugins = root.getElementsByTagName("plugin");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (!"gatling-maven-plugin".equals(text(plugin, "artifactId"))) {
                continue;
            }
            NodeList args = plugin.getElementsByTagName("jvmArg");
            for (int j = 0; j < args.getLength(); j++) {
                out.add(resolve(args.item(j).getTextContent().strip()));
            }
        }
        return out;
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }

    private static String resolve(String value) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(System.getProperty(m.group(1), m.group())));
        }
        return m.appendTail(sb).toString();
    }
}
