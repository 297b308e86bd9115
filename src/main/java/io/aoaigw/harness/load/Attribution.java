package io.aoaigw.harness.load;

import java.util.OptionalLong;

/**
 * Who answered and why: the {@link Layer}, the cause in that layer's own terms (an APIM policy, a Front Door
 * {@code ErrorInfo}, an account's limit or error code, else the status), the account's region when an account
 * answered, and the wait the answer advised.
 */
public record Attribution(Layer layer, String cause, String region, OptionalLong retryAfterMs) {
}
