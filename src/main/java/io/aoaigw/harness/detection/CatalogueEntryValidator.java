package io.aoaigw.harness.detection;

import io.aoaigw.harness.yaml.Problems;
import io.aoaigw.harness.yaml.YamlModelReader.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an entry's own fields: name, one-line description, known and disjoint steps, well-formed mutations. */
final class CatalogueEntryValidator {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final CatalogueEntry e;
    private final Problems problems = new Problems();

    CatalogueEntryValidator(CatalogueEntry entry) {
        this.e = entry;
    }

    List<Problem> problems() {
        if (problems.required(e.name(), "name")) {
            problems.check(NAME.matcher(e.name()).matches(), "name", "lower-case letters, digits and '-' only");
        }
        if (problems.required(e.description(), "description")) {
            problems.check(!e.description().strip().contains("\n"), "description", "one line only");
        }
        problems.required(e.why(), "why");
        problems.check(!e.expectFail().isEmpty(), "expectFail", "at least one step (S1..S10) must fail");
        steps(e.expectFail(), "expectFail");
        steps(e.mayFail(), "mayFail");
        for (int i = 0; i < e.mayFail().size(); i++) {
            problems.check(!e.expectFail().contains(e.mayFail().get(i)), "mayFail[" + i + "]",
                    e.mayFail().get(i) + " is already in expectFail");
        }
        problems.check(!e.mutations().isEmpty(), "mutations", "at least one mutation is required");
        for (int i = 0; i < e.mutations().size(); i++) {
            mutation(e.mutations().get(i), "mutations[" + i + "]");
        }
        return problems.list();
    }

    private void steps(List<String> steps, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (problems.check(step != null && Steps.isStep(step), path + "[" + i + "]",
                    "'" + step + "' is not a step (S1..S10)")) {
                problems.check(seen.add(step), path + "[" + i + "]", "duplicate step " + step);
            }
        }
    }

    private void mutation(Mutation m, String p) {
        if (!problems.check(m.given().size() == 1, p, "give exactly one of set, remove, add, edit (found "
                + (m.given().isEmpty() ? "none" : String.join(", ", m.given())) + ")")) {
            return;
        }
        String op = m.operation();
        try {
            TreePath.parse(m.path());
        } catch (IllegalArgumentException ex) {
            problems.add(p + "." + op, ex.getMessage());
        }
        boolean needsValue = op.equals("set") || op.equals("add");
        problems.check(needsValue == (m.value() != null), p + (needsValue ? "." + op : ".value"),
                needsValue ? "'value' is required with " + op : "'value' belongs to set or add only");
        boolean isEdit = op.equals("edit");
        if (isEdit) {
            problems.check(m.replace() != null && !m.replace().isEmpty(), p + ".edit", "'replace' is required");
            problems.check(m.with() != null, p + ".edit", "'with' is required (may be empty text)");
        } else {
            problems.check(m.replace() == null && m.with() == null, p + "." + op,
                    "'replace'/'with' belong to edit only");
        }
    }
}
