package io.aoaigw.harness.testsupport;

import io.aoaigw.harness.emulator.Endpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs azure-identity's ManagedIdentityCredential as it runs on App Service: in a child JVM whose environment holds
 * only IDENTITY_ENDPOINT, IDENTITY_HEADER and, should anything still fall back to IMDS, an IMDS authority on a closed
 * loopback port. The parent's environment (any AZURE_* variable) is not inherited.
 *
 * @see ManagedIdentityTokenMain
 */
public final class ManagedIdentityChild {
    public static final String CLOSED_LOOPBACK_AUTHORITY = "https://127.0.0.1:9";

    private ManagedIdentityChild() {
    }

    /** What the child printed (stdout and stderr, with its logs) and, when it got one, the token. */
    public record Result(int exitCode, String output) {
        public Optional<String> token() {
            return output.lines().filter(l -> l.startsWith(ManagedIdentityTokenMain.TOKEN_PREFIX))
                    .map(l -> l.substring(ManagedIdentityTokenMain.TOKEN_PREFIX.length())).findFirst();
        }
    }

    public static Result acquireToken(String identityEndpoint, String identityHeader, Endpoints.Tls trustStore,
                                      String scope) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-D" + ManagedIdentityTokenMain.TRUST_STORE + "=" + trustStore.trustStore(),
                "-D" + ManagedIdentityTokenMain.TRUST_STORE_PASSWORD + "=" + trustStore.trustStorePassword(),
                ManagedIdentityTokenMain.class.getName(), scope));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("IDENTITY_ENDPOINT", identityEndpoint);
        env.put("IDENTITY_HEADER", identityHeader);
        env.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", CLOSED_LOOPBACK_AUTHORITY);
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the managed-identity child did not finish within 120 s");
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the managed-identity child's output", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
