package io.aoaigw.harness.target;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The subscription keys of a target, read from the environment variables its file names. */
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

    /** A key the environment does not provide. */
    public static final class TargetKeyException extends RuntimeException {
        public TargetKeyException(String message) {
            super(message, null, false, false);
        }
    }
}
