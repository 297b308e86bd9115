package io.aoaigw.harness.emulator.identity;

import java.time.Duration;

/**
 * How the identity emulator runs: its listener port (0: ephemeral) and the lifetime of the access tokens it issues
 * (Entra's default for these tokens is about an hour).
 */
public record IdentitySettings(int port, Duration tokenLifetime) {

    public IdentitySettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
        }
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(0, Duration.ofHours(1));
    }

    public IdentitySettings withPort(int newPort) {
        return new IdentitySettings(newPort, tokenLifetime);
    }

    public IdentitySettings withTokenLifetime(Duration lifetime) {
        return new IdentitySettings(port, lifetime);
    }
}
