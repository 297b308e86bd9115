package io.aoaigw.harness.yaml;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Refuses, before binding, what the binder would take silently or slowly: text over {@link #MAX_CHARS}, a line over
 * {@link #MAX_LINE} characters (SnakeYAML copies its read window once per 1 KB of a token, so a long token costs the
 * square of its length: a bounded line keeps parsing linear), anchors and aliases (Jackson would read {@code *r} as
 * the text {@code r}), and a key given twice in one mapping (Jackson would keep the last). One streaming pass over
 * SnakeYAML's events; every refusal names the line.
 */
public final class YamlGuard {
    /** Largest YAML input, in characters (topologies, targets and profiles are a few KB). */
    public static final int MAX_CHARS = 1 << 20;
    /** Longest line, in characters. */
    public static final int MAX_LINE = 4096;

    private YamlGuard() {
    }

    public static void check(Path origin, String text) throws YamlFileException {
        if (text.length() > MAX_CHARS) {
            throw new YamlFileException(origin, 0, "", "is " + text.length() + " characters long; at most "
                    + MAX_CHARS + " are read");
        }
        longLines(origin, text);
        events(origin, text);
    }

    private static void longLines(Path origin, String text) throws YamlFileException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new YamlFileException(origin, line, "", "line is " + (i - start)
                            + " characters long; at most " + MAX_LINE);
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** One open collection: for a mapping, the keys seen (key → line) and whether the next scalar is a key. */
    private static final class Level {
        final Map<String, Integer> keys;
        final String path;
        boolean atKey = true;
        int index;
        String key;

        Level(boolean mapping, String path) {
            this.keys = mapping ? new HashMap<>() : null;
            this.path = path;
        }

        String childPath() {
            if (keys == null) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Called after each complete child value. */
        void valueDone() {
            if (keys == null) {
                index++;
            } else {
                atKey = true;
            }
        }
    }

    private static void events(Path origin, String text) throws YamlFileException {
        Deque<Level> open = new ArrayDeque<>();
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                Level level = open.peek();
                String here = level == null ? "" : level.keys != null && level.atKey ? level.path : level.childPath();
                if (event instanceof AliasEvent alias) {
                    throw refused(origin, line, here, "alias *" + alias.getAnchor());
                }
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    throw refused(origin, line, here, "anchor &" + node.getAnchor());
                }
                if (event instanceof ScalarEvent scalar && level != null && level.keys != null && level.atKey) {
                    Integer first = level.keys.putIfAbsent(scalar.getValue(), line);
                    level.key = scalar.getValue();
                    if (first != null) {
                        throw new YamlFileException(origin, line, level.childPath(),
                                "key given twice in one mapping (first at line " + first + ")");
                    }
                    level.atKey = false;
                } else if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
                    open.push(new Level(event instanceof MappingStartEvent, here));
                } else if (event instanceof CollectionEndEvent) {
                    open.pop();
                    if (open.peek() != null) {
                        open.peek().valueDone();
                    }
                } else if (event instanceof ScalarEvent && level != null) {
                    level.valueDone();
                }
            }
        } catch (YAMLException e) {
            // not YAML at all: the binder reports it in its own words
        }
    }

    private static YamlFileException refused(Path origin, int line, String field, String what) {
        return new YamlFileException(origin, line, field, "YAML " + what + " is not supported: repeat the block");
    }
}
