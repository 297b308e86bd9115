package io.aoaigw.harness.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the emulator's key pair and self-signed certificate with the JDK's own {@code keytool}: the JDK has no public
 * certificate builder, and a library that has one (Bouncy Castle) also changes how Netty starts its TLS — with it on
 * the class path, Netty's server context parses a key through it on first use, which cost every start ~0.4 s of
 * signed-jar verification.
 */
final class CertificateMaker {
    static final String DISTINGUISHED_NAME = "CN=aoai-gateway-harness emulator";
    static final int VALIDITY_DAYS = 365;
    // backdated so that a peer whose clock is slightly behind still accepts it
    static final String BACKDATE = "-1H";
    private static final String ALIAS = "emulator";
    private static final String PASSWORD_VARIABLE = "AOAIGW_KEYTOOL_PASSWORD";
    private static final long TIMEOUT_SECONDS = 60;

    private CertificateMaker() {
    }

    static SelfSignedCertificate make() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aoaigw-keytool");
            Path store = dir.resolve("emulator.p12");
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            run(store, password);
            return read(store, password.toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the emulator's TLS certificate with keytool: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void run(Path store, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", DISTINGUISHED_NAME, "-startdate", BACKDATE, "-validity", Integer.toString(VALIDITY_DAYS),
                "-ext", "san=dns:localhost,ip:127.0.0.1,ip:::1",
                "-ext", "bc:c=ca:false", "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env", PASSWORD_VARIABLE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + keytool + " (" + e.getMessage() + ")", e);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(keytool + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + keytool + " ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(keytool + " exited with " + process.exitValue()
                    + (output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse("")));
        }
    }

    private static SelfSignedCertificate read(Path store, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, password);
            if (certificate == null || key == null) {
                throw new IOException("keytool wrote no key pair under the alias " + ALIAS);
            }
            return SelfSignedCertificate.of(certificate, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store keytool wrote (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a stray temporary folder holds a throwaway key for loopback only
        }
    }
}
