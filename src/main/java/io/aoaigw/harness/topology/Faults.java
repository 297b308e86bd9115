package io.aoaigw.harness.topology;

/**
 * Faults of an account, from the topology or set at runtime through the admin API.
 * <ul>
 *   <li>{@code down}: the listener is closed, connections are refused;</li>
 *   <li>{@code slowMs}: added to the time to first token (and to whole answers);</li>
 *   <li>{@code errorStatus}/{@code errorCount}: the next N requests answer 500 or 503 with Azure's body;</li>
 *   <li>{@code cutAfterFrames}: streams are cut (connection reset) after N frames;</li>
 *   <li>{@code throttleCount}/{@code throttleRetryAfterMs}: a 429 storm on the next N requests.</li>
 * </ul>
 */
public record Faults(Boolean down, Integer slowMs, Integer errorStatus, Integer errorCount, Integer cutAfterFrames,
                     Integer throttleCount, Integer throttleRetryAfterMs) {

    public static final Faults NONE = new Faults(null, null, null, null, null, null, null);

    public Faults {
        down = Defaults.or(down, Boolean.FALSE);
        slowMs = Defaults.or(slowMs, 0);
        errorStatus = Defaults.or(errorStatus, 503);
        errorCount = Defaults.or(errorCount, 0);
        cutAfterFrames = Defaults.or(cutAfterFrames, 0);
        throttleCount = Defaults.or(throttleCount, 0);
        throttleRetryAfterMs = Defaults.or(throttleRetryAfterMs, 1000);
    }
}
