package io.aoaigw.harness.report;

import io.aoaigw.harness.load.AccuracyReport;
import io.aoaigw.harness.load.LoadProfileLoader;
import io.aoaigw.harness.load.OriginShares;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-origin shares a load run should have seen, when they can be known: the run was against an emulated
 * topology (its summary holds accuracy figures, which need the emulator's admin API; a real target has none and its
 * origin weights are not read by the load) and the profile it names ({@code sources}: "simulation:profile") is one
 * of {@code scenarios/load/*.yaml}, whose topology's Front Door weights give the shares ({@link OriginShares}).
 */
final class ExpectedShares {
    private final Path profiles;

    /** @param profiles the folder of the load profiles, e.g. {@code scenarios/load} */
    ExpectedShares(Path profiles) {
        this.profiles = profiles;
    }

    Map<String, Double> of(LoadFigures run) {
        if (run.summary().count(AccuracyReport.MEASURED) == 0 || run.sources().size() != 1) {
            return Map.of();
        }
        String profile = run.sources().get(0).replaceFirst("^[^:]*:", "");
        return find(profile).map(loaded -> OriginShares.expected(loaded.topology())).orElse(Map.of());
    }

    private Optional<LoadProfileLoader.Loaded> find(String name) {
        if (!Files.isDirectory(profiles)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(profiles)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            for (Path p : yaml) {
                Optional<LoadProfileLoader.Loaded> loaded = load(p);
                if (loaded.isPresent() && name.equals(loaded.get().profile().name())
                        && loaded.get().topology() != null) {
                    return loaded;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A profile that does not load is not the one: the index still renders without expected shares. */
    private Optional<LoadProfileLoader.Loaded> load(Path p) {
        try {
            return Optional.of(LoadProfileLoader.load(p, profiles.toAbsolutePath().getParent().getParent()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
