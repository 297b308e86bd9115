package io.aoaigw.harness.detection;

import io.aoaigw.harness.yaml.YamlFileException;
import java.nio.file.Path;

/** A catalogue entry that cannot be used: names the entry file, the line (0 when unknown) and the field. */
public final class CatalogueException extends YamlFileException {
    public CatalogueException(Path file, int line, String field, String problem) {
        super(file, line, field, problem);
    }

    static CatalogueException of(YamlFileException e) {
        return new CatalogueException(e.file(), e.line(), e.field(), e.problem());
    }
}
