package io.aoaigw.harness.target;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The subscription keys of a target, read from the environment variables its file names, or from a secrets file the
 * user names ({@code VARIABLE=value} lines, as a shell would export them) when the environment lacks them.
 */
public final class TargetKeys {
    private TargetKeys() {
    }

    /**
     * @param environment how to read a variable ({@code System::getenv} in real runs)
     * @throws TargetKeyException naming the variable and the file's field when a variable is unset or empty
     */
    public static Map<String, String> resolve(TargetFile target, UnaryOperator<String> environment) {
        Map<String, String> keys = new TreeMap<>();
        new TreeMap<>(target.apim().subscriptionKeys()).forEach((role, variable) -> {
            String value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new TargetKeyException("environment variable " + variable + " (apim.subscriptionKeys." + role
                        + " of target " + target.name() + ") is not set");
            }
            keys.put(role, value.strip());
        });
        return keys;
    }

    /**
     * The environment, then {@code secretsFile} ({@code null}: none) for variables it lacks.
     *
     * @throws TargetKeyException naming the file (and the line) when it cannot be read or a line is not
     *                            {@code VARIABLE=value}
     */
    public static UnaryOperator<String> environment(Path secretsFile) {
        if (secretsFile == null) {
            return System::getenv;
        }
        Map<String, String> secrets = SecretsFile.read(secretsFile);
        return name -> {
            String value = System.getenv(name);
            return value != null && !value.isBlank() ? value : secrets.get(name);
        };
    }

    /** A key the environment does not provide. */
    public static final class TargetKeyException extends RuntimeException {
        public TargetKeyException(String message) {
            super(message, null, false, false);
        }
    }
}
