package io.aoaigw.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The capacity runs of the history folder, oldest first. A file that is not a load summary is skipped and named in
 * {@link #skipped()}, so one bad file does not hide the trend.
 *
 * @param runs    readable summaries, by start time
 * @param skipped one line per unreadable file
 */
public record CapacityHistory(List<LoadFigures> runs, List<String> skipped) {

    public static CapacityHistory read(List<Path> files) {
        List<LoadFigures> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                runs.add(LoadFigures.read(f));
            } catch (IOException | RuntimeException e) {
                skipped.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        runs.sort(Comparator.comparingLong(LoadFigures::startEpochMs));
        return new CapacityHistory(List.copyOf(runs), List.copyOf(skipped));
    }
}
