package io.aoaigw.harness.emulator.aoai;

import java.time.Duration;

/**
 * Behaviour of the account emulator that Azure does not pin down (see azure-behaviour.md, "unconfirmed"): each value
 * is the most plausible choice, and can be changed per run.
 *
 * @param rateLimitWindow              the sliding window over which TPM and RPM are enforced; a deployment admits
 *                                     {@code quota × window / 60 s} tokens (and requests) per window. Azure documents
 *                                     1 s or 10 s windows; default 10 s.
 * @param admissionMaxTokensWhenAbsent the completion estimate charged at admission when a chat request gives neither
 *                                     {@code max_tokens} nor {@code max_completion_tokens}; {@code null} (default)
 *                                     charges the deployment's {@code completion.maxTokens}, the longest answer it can
 *                                     produce, so the estimate never undercounts.
 * @param permissionDeniedStatus       the status for a valid bearer token whose principal holds no inference role:
 *                                     401 (default) or 403, with body
 *                                     {@code {"error":{"code":"PermissionDenied","message":"Principal does not have
 *                                     access to API/Operation."}}}.
 * @param groundTruthCapacity          how many recent request records are kept (oldest dropped first).
 */
public record EmulatorSettings(Duration rateLimitWindow, Integer admissionMaxTokensWhenAbsent,
                               int permissionDeniedStatus, int groundTruthCapacity) {

    public static final EmulatorSettings DEFAULTS = new EmulatorSettings(Duration.ofSeconds(10), null, 401, 10_000);

    public EmulatorSettings {
        if (rateLimitWindow == null || rateLimitWindow.isNegative() || rateLimitWindow.isZero()) {
            throw new IllegalArgumentException("rateLimitWindow must be positive");
        }
        if (admissionMaxTokensWhenAbsent != null && admissionMaxTokensWhenAbsent < 0) {
            throw new IllegalArgumentException("admissionMaxTokensWhenAbsent must not be negative");
        }
        if (permissionDeniedStatus != 401 && permissionDeniedStatus != 403) {
            throw new IllegalArgumentException("permissionDeniedStatus must be 401 or 403");
        }
        if (groundTruthCapacity < 1) {
            throw new IllegalArgumentException("groundTruthCapacity must be at least 1");
        }
    }

    public EmulatorSettings withRateLimitWindow(Duration window) {
        return new EmulatorSettings(window, admissionMaxTokensWhenAbsent, permissionDeniedStatus, groundTruthCapacity);
    }

    public EmulatorSettings withAdmissionMaxTokensWhenAbsent(Integer tokens) {
        return new EmulatorSettings(rateLimitWindow, tokens, permissionDeniedStatus, groundTruthCapacity);
    }

    public EmulatorSettings withPermissionDeniedStatus(int status) {
        return new EmulatorSettings(rateLimitWindow, admissionMaxTokensWhenAbsent, status, groundTruthCapacity);
    }

    public EmulatorSettings withGroundTruthCapacity(int capacity) {
        return new EmulatorSettings(rateLimitWindow, admissionMaxTokensWhenAbsent, permissionDeniedStatus, capacity);
    }
}
