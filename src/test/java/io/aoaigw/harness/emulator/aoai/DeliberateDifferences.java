package io.aoaigw.harness.emulator.aoai;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences from the recordings that the emulator keeps on purpose, each with its reason (mirrored, by id, in
 * docs/conformance.md). A difference matches an entry when the recording's name matches {@code recordings} and the
 * difference line matches {@code difference}.
 */
final class DeliberateDifferences {
    record Entry(String id, Pattern recordings, Pattern difference, String reason) {
    }

    static final List<Entry> ENTRIES = List.of();

    private DeliberateDifferences() {
    }

    /** The id of the entry that explains this difference, or null. */
    static String idOf(String recording, String difference) {
        for (Entry entry : ENTRIES) {
            if (entry.recordings().matcher(recording).find() && entry.difference().matcher(difference).matches()) {
                return entry.id();
            }
        }
        return null;
    }

    static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    private static Entry entry(String id, String recordings, String difference, String reason) {
        return new Entry(id, Pattern.compile(recordings), Pattern.compile(difference), reason);
    }
}
