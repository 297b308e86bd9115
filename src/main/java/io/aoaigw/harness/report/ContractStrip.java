package io.aoaigw.harness.report;

/**
 * The contract steps at a glance: one box per step (S1 … S10) in an inline SVG, green when every check passed, red
 * when one failed, grey when skipped; under it, each check that did not pass with its one-line fix. The checks'
 * details read "S4: what is wrong …: the fix" (ContractExtension), so the fix is the text after the last ": ".
 */
final class ContractStrip {
    private static final int BOX = 58;
    private static final int H = 46;

    private ContractStrip() {
    }

    static String html(ContractDigest c) {
        int w = Math.max(1, c.steps().size()) * (BOX + 4) + 4;
        StringBuilder b = Svg.open("contract-strip", "strip", w, H, "Contract steps: " + c.steps().stream()
                .filter(s -> ContractDigest.passed(s.status())).count() + " of " + c.steps().size() + " passed");
        int x = 4;
        for (ContractDigest.Step s : c.steps()) {
            String state = state(s.status());
            b.append(Svg.rect("step " + state, x, 4, BOX, H - 8, colour(state), "data-step=\"" + Html.esc(s.id())
                    + "\"", s.id() + " " + s.title() + ": " + s.status() + " (" + s.passed() + "/" + s.total()
                    + " checks)"));
            b.append("<text x=\"").append(x + BOX / 2).append("\" y=\"").append(H / 2 + 5)
                    .append("\" font-size=\"14\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#fff\">")
                    .append(Html.esc(s.id())).append("</text>");
            x += BOX + 4;
        }
        b.append(Svg.close());
        b.append("<ul id=\"fixes\">");
        for (ContractDigest.Step s : c.steps()) {
            for (ContractDigest.Check ch : s.notPassed()) {
                b.append("<li class=\"fix\"><b>").append(Html.esc(s.id() + " " + ch.name())).append("</b> (")
                        .append(Html.esc(ch.status())).append("): ").append(Html.esc(fix(ch.detail())))
                        .append("</li>");
            }
        }
        return b.append("</ul>").toString();
    }

    /** The one-line fix of a check's detail: its first line after the last ": ", at most 200 characters. */
    static String fix(String detail) {
        String line = detail == null ? "" : detail.lines().findFirst().orElse("").strip();
        int at = line.lastIndexOf(": ");
        String fix = at >= 0 && at + 2 < line.length() ? line.substring(at + 2) : line;
        return fix.length() > 200 ? fix.substring(0, 199) + "…" : fix;
    }

    private static String state(String status) {
        if (ContractDigest.passed(status)) {
            return "passed";
        }
        return status.equalsIgnoreCase("skipped") || status.equalsIgnoreCase("aborted") ? "skipped" : "failed";
    }

    private static String colour(String state) {
        return switch (state) {
            case "passed" -> "#2f855a";
            case "skipped" -> "#a0aec0";
            default -> "#c53030";
        };
    }
}
