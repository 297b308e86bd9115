package io.aoaigw.harness.topology;

import io.aoaigw.harness.yaml.YamlFileException;
import java.nio.file.Path;

/** A topology file that cannot be used: names the file, the line (0 when unknown) and the field. */
public final class TopologyException extends YamlFileException {
    public TopologyException(Path file, int line, String field, String problem) {
        super(file, line, field, problem);
    }

    static TopologyException of(YamlFileException e) {
        return new TopologyException(e.file(), e.line(), e.field(), e.problem());
    }
}
