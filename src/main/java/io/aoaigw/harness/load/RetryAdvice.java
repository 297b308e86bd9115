package io.aoaigw.harness.load;

import java.util.OptionalLong;

/**
 * The wait a 429 advises, in milliseconds: {@code retry-after-ms} when present (Azure OpenAI's precise header), else
 * {@code retry-after} in seconds (APIM's policies send only that one). HTTP-date forms are not used by Azure OpenAI
 * and count as no advice.
 */
public final class RetryAdvice {
    private RetryAdvice() {
    }

    public static OptionalLong millis(String retryAfterMs, String retryAfter) {
        OptionalLong ms = parse(retryAfterMs, 1);
        return ms.isPresent() ? ms : parse(retryAfter, 1000);
    }

    private static OptionalLong parse(String value, long scale) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            double v = Double.parseDouble(value.strip());
            // round up: waiting a fraction of a millisecond too long is harmless, too short is a premature retry
            return v < 0 || Double.isNaN(v) ? OptionalLong.empty() : OptionalLong.of((long) Math.ceil(v * scale));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
