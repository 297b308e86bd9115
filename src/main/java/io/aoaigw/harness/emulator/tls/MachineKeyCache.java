package io.aoaigw.harness.emulator.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Key material made once per machine instead of once per topology start (an RSA key and a certificate cost seconds
 * on a small host; the detection matrix and CI start dozens of topologies). Entries are text files under
 * {@code target/emulator-keys/} (never committed), readable by the owner only, and remembered per JVM.
 * {@code -Daoaigw.keyCache=off} makes every start generate afresh; any other value names the folder.
 *
 * <p>Safe under concurrent JVMs: an entry is written to a temporary file and moved into place atomically, so a reader
 * sees a whole entry or none; when two JVMs create the same entry at once, each uses its own and the last move wins.
 */
public final class MachineKeyCache {
    public static final String PROPERTY = "aoaigw.keyCache";
    static final Path DEFAULT_FOLDER = Path.of("target", "emulator-keys");

    private static final MachineKeyCache MACHINE = fromSetting(System.getProperty(PROPERTY));

    private final Path folder;
    private final Map<String, Object> remembered = new ConcurrentHashMap<>();

    MachineKeyCache(Path folder) {
        this.folder = folder;
    }

    /** The cache this JVM uses, as {@code -Daoaigw.keyCache} says ({@code off}: none). */
    public static MachineKeyCache machine() {
        return MACHINE;
    }

    static MachineKeyCache fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return new MachineKeyCache(DEFAULT_FOLDER);
        }
        return "off".equalsIgnoreCase(setting.trim()) ? new MachineKeyCache(null) : new MachineKeyCache(Path.of(setting));
    }

    boolean enabled() {
        return folder != null;
    }

    /**
     * The entry {@code name}: remembered in this JVM, else read from the folder when {@code decode} accepts it (it
     * returns empty for an entry that is stale or unreadable), else created, stored and remembered.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, Supplier<T> create, Function<T, String> encode, Function<String, Optional<T>> decode) {
        if (!enabled()) {
            return create.get();
        }
        return (T) remembered.computeIfAbsent(name, n -> readOrCreate(n, create, encode, decode));
    }

    private <T> T readOrCreate(String name, Supplier<T> create, Function<T, String> encode,
                               Function<String, Optional<T>> decode) {
        Path file = folder.resolve(name);
        Optional<T> cached = read(file).flatMap(text -> {
            try {
                return decode.apply(text);
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
        if (cached.isPresent()) {
            return cached.get();
        }
        T made = create.get();
        write(file, encode.apply(made));
        return made;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException absent) {
            return Optional.empty();
        }
    }

    /** Best effort: a folder that cannot be written costs the next start the generation again, nothing more. */
    private static void write(Path file, String text) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = ownerOnlyTempFile(file.getParent());
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".entry", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, ".entry", ".tmp");
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file under target/ is harmless
            }
        }
    }
}
