package io.aoaigw.harness.topology;

/**
 * How a deployment enforces its quota and words its 429s (docs/topology-schema.md, docs/emulator.md).
 * <ul>
 *   <li>{@code tokens}: {@code perMinute} (default, Microsoft's quota page): each request's estimated tokens join a
 *       running count of the deployment, reset each minute; {@code slidingWindow}: the count is kept over a sliding
 *       window of {@code slidingWindowSeconds} at TPM × window / 60 (the emulator's earlier model, for those who
 *       observe it);</li>
 *   <li>{@code requestWindowSeconds}: requests are counted over a sliding 1 s or 10 s window (default 10) at
 *       RPM × window / 60;</li>
 *   <li>{@code slidingWindowSeconds}: the window of {@code tokens: slidingWindow}, for tokens and requests alike
 *       (default: the emulator's {@code rateLimitWindow} setting, 10 s);</li>
 *   <li>{@code wording}: {@code older} (default: "... OpenAI S0 pricing tier ... Please go here:
 *       https://aka.ms/oai/quotaincrease ...") or {@code newer} ("... AIServices S0 pricing tier ... Please contact
 *       Azure support service ...");</li>
 *   <li>{@code retryAfterMs}: whether 429s carry {@code retry-after-ms} and {@code x-ms-retry-after-ms} besides
 *       {@code retry-after} (default true; a recorded call-rate 429 carries only {@code retry-after}).</li>
 * </ul>
 */
public record RateLimit(TokenModel tokens, Integer requestWindowSeconds, Integer slidingWindowSeconds,
                        Wording wording, Boolean retryAfterMs) {

    public enum TokenModel { perMinute, slidingWindow }

    public enum Wording { older, newer }

    public static final RateLimit DEFAULT = new RateLimit(null, null, null, null, null);

    public RateLimit {
        tokens = Defaults.or(tokens, TokenModel.perMinute);
        requestWindowSeconds = Defaults.or(requestWindowSeconds, 10);
        wording = Defaults.or(wording, Wording.older);
        retryAfterMs = Defaults.or(retryAfterMs, Boolean.TRUE);
    }

    /** The earlier model: tokens and requests over one sliding window of {@code seconds}. */
    public static RateLimit slidingWindow(int seconds) {
        return new RateLimit(TokenModel.slidingWindow, seconds, seconds, null, null);
    }
}
