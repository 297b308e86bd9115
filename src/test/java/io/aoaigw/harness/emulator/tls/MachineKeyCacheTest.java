package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineKeyCacheTest {
    @TempDir
    Path dir;

    private final AtomicInteger made = new AtomicInteger();
    private final Supplier<String> create = () -> "secret-" + made.incrementAndGet();
    private final Function<String, Optional<String>> acceptSecrets =
            text -> text.startsWith("secret-") ? Optional.of(text) : Optional.empty();

    private String get(MachineKeyCache cache) {
        return cache.get("entry.txt", create, Function.identity(), acceptSecrets);
    }

    @Test
    void anotherJvmReadsWhatTheFirstMadeInsteadOfMakingItAgain() {
        String first = get(new MachineKeyCache(dir));
        String second = get(new MachineKeyCache(dir));

        assertThat(second).isEqualTo(first).isEqualTo("secret-1");
        assertThat(made).hasValue(1);
    }

    @Test
    void theEntryIsReadableByItsOwnerOnlyAndNoTemporaryFileStays() throws Exception {
        get(new MachineKeyCache(dir));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("entry.txt"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("entry.txt");
        }
    }

    @Test
    void anEntryTheDecoderRefusesIsMadeAfreshAndReplaced() throws Exception {
        Files.writeString(dir.resolve("entry.txt"), "stale");

        assertThat(get(new MachineKeyCache(dir))).isEqualTo("secret-1");
        assertThat(Files.readString(dir.resolve("entry.txt"))).isEqualTo("secret-1");
    }

    @Test
    void aFolderThatCannotBeWrittenStillYieldsAFreshEntry() throws Exception {
        Path fileInTheWay = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThat(get(new MachineKeyCache(fileInTheWay.resolve("keys")))).isEqualTo("secret-1");
    }

    @Test
    void offMakesEveryEntryAfreshAndWritesNothing() throws Exception {
        MachineKeyCache off = MachineKeyCache.fromSetting("off");

        assertThat(get(off)).isEqualTo("secret-1");
        assertThat(get(off)).isEqualTo("secret-2");
        assertThat(MachineKeyCache.fromSetting(dir.toString()).enabled()).isTrue();
        assertThat(MachineKeyCache.fromSetting(null).enabled()).isTrue();
    }

    @Test
    void theCertificateIsReadBackWithTheJdkAndGarbageIsRefused() {
        SelfSignedCertificate made = SelfSignedCertificate.generate();

        SelfSignedCertificate read = MachineCertificate.decode(MachineCertificate.encode(made)).orElseThrow();

        assertThat(read.certificate()).isEqualTo(made.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(made.privateKey().getEncoded());
        assertThat(MachineCertificate.decode("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----"))
                .isEmpty();
        assertThat(MachineCertificate.decode("")).isEmpty();
    }
}
