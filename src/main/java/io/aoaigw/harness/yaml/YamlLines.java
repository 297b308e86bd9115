package io.aoaigw.harness.yaml;

import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field path such as {@code accounts[1].deployments[0].tpm} in YAML text, so that problems found
 * after binding (Jackson's tree keeps no positions) still point at a line.
 */
public final class YamlLines {
    private final Node root;

    public YamlLines(String yamlText) {
        Node parsed;
        try {
            parsed = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yamlText));
        } catch (RuntimeException e) {
            parsed = null;
        }
        this.root = parsed;
    }

    /** 1-based line of the deepest node along the path that exists; 0 when the document is empty. */
    public int lineOf(String path) {
        if (root == null) {
            return 0;
        }
        Node node = root;
        int line = root.getStartMark().getLine() + 1;
        for (String segment : segments(path)) {
            Node next = child(node, segment);
            if (next == null) {
                break;
            }
            node = next;
            line = node.getStartMark().getLine() + 1;
        }
        return line;
    }

    private static List<String> segments(String path) {
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        return List.of(path.replace("[", ".[").split("\\.")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static Node child(Node node, String segment) {
        if (segment.startsWith("[") && node instanceof SequenceNode seq) {
            int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
            return index < seq.getValue().size() ? seq.getValue().get(index) : null;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(segment)) {
                    // point at the key: that is where the reader looks for the field
                    return tuple.getValueNode() instanceof ScalarNode ? tuple.getKeyNode() : tuple.getValueNode();
                }
            }
        }
        return null;
    }
}
