package io.aoaigw.harness.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Relative links from the index's folder, so the page works from file:// and when the folder is moved whole. */
final class Links {
    private final Path base;

    Links(Path indexFile) {
        this.base = indexFile.toAbsolutePath().normalize().getParent();
    }

    String href(Path target) {
        Path rel = base.relativize(target.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        for (Path part : rel) {
            parts.add(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", parts);
    }

    /** {@code <a href>} to a file or folder, with its path relative to the index as text unless given. */
    String a(Path target, String text) {
        String href = href(target);
        return "<a href=\"" + Html.esc(href) + "\">" + Html.esc(text == null ? href : text) + "</a>";
    }
}
