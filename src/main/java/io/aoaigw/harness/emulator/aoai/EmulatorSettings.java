package io.aoaigw.harness.emulator.aoai;

import java.time.Duration;

/**
 * Behaviour of the account emulator that Azure does not pin down (see azure-behaviour.md, "unconfirmed"): each value
 * is the most plausible choice, and can be changed per run.
 *
 * @param rateLimitWindow              the sliding window of deployments whose {@code rateLimit.tokens} is
 *                                     {@code slidingWindow} and that name no {@code slidingWindowSeconds}: they admit
 *                                     {@code quota × window / 60 s} tokens and requests per window; default 10 s.
 * @param admissionMaxTokensWhenAbsent the completion estimate charged at admission when a chat request gives neither
 *                                     {@code max_tokens} nor {@code max_completion_tokens}; {@code null} (default)
 *                                     charges the inference spec's default {@code max_tokens}, 4,096 (capped by
 *                                     what the context window leaves after the prompt).
 * @param permissionDeniedStatus       the status for a valid bearer token whose principal holds no inference role:
 *                                     401 (default) or 403, with body
 *                                     {@code {"error":{"code":"PermissionDenied","message":"Principal does not have
 *                                     access to API/Operation."}}}.
 * @param groundTruthCapacity          how many recent request records are kept (oldest dropped first).
 * @param eventLoops                   how many event loops (one server each, same port) an account uses; default: the
 *                                     number of processors, so one busy account can use every core.
 */
public record EmulatorSettings(Duration rateLimitWindow, Integer admissionMaxTokensWhenAbsent,
                               int permissionDeniedStatus, int groundTruthCapacity, int eventLoops) {

    public static final EmulatorSettings DEFAULTS = new EmulatorSettings(Duration.ofSeconds(10), null, 401, 10_000,
            Runtime.getRuntime().availableProcessors());

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
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1");
        }
    }

    public EmulatorSettings withRateLimitWindow(Duration window) {
        return new EmulatorSettings(window, admissionMaxTokensWhenAbsent, permissionDeniedStatus, groundTruthCapacity,
                eventLoops);
    }

    public EmulatorSettings withAdmissionMaxTokensWhenAbsent(Integer tokens) {
        return new EmulatorSettings(rateLimitWindow, tokens, permissionDeniedStatus, groundTruthCapacity, eventLoops);
    }

    public EmulatorSettings withPermissionDeniedStatus(int status) {
        return new EmulatorSettings(rateLimitWindow, admissionMaxTokensWhenAbsent, status, groundTruthCapacity,
                eventLoops);
    }

    public EmulatorSettings withGroundTruthCapacity(int capacity) {
        return new EmulatorSettings(rateLimitWindow, admissionMaxTokensWhenAbsent, permissionDeniedStatus, capacity,
                eventLoops);
    }

    public EmulatorSettings withEventLoops(int loops) {
        return new EmulatorSettings(rateLimitWindow, admissionMaxTokensWhenAbsent, permissionDeniedStatus,
                groundTruthCapacity, loops);
    }
}
