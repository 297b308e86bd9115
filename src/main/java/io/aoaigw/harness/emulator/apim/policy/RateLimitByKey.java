package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code rate-limit-by-key calls=".." renewal-period="seconds" counter-key=".."
 * [retry-after-header-name="Retry-After"] [remaining-calls-header-name=".."]}: over the limit APIM answers 429
 * "Rate limit is exceeded. Try again in N seconds." with {@code Retry-After: N}.
 */
final class RateLimitByKey implements InboundPolicy {
    private final int calls;
    private final PolicyExpression counterKey;
    private final String retryAfterHeader;
    private final String remainingHeader;
    private final FixedWindows windows;

    RateLimitByKey(Attributes attributes, LongSupplier clock) {
        this.calls = attributes.requiredInt("calls");
        int renewalSeconds = attributes.requiredInt("renewal-period");
        this.counterKey = attributes.expression("counter-key");
        this.retryAfterHeader = attributes.optional("retry-after-header-name", "Retry-After");
        this.remainingHeader = attributes.optional("remaining-calls-header-name", null);
        this.windows = new FixedWindows(renewalSeconds * 1000L, clock);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        String key = counterKey.evaluate(ctx);
        synchronized (windows) {
            if (windows.used(key) >= calls) {
                long wait = windows.secondsUntilRenewal(key);
                Map<String, String> headers = remainingHeader == null
                        ? Map.of(retryAfterHeader, Long.toString(wait))
                        : Map.of(retryAfterHeader, Long.toString(wait), remainingHeader, "0");
                return Future.succeededFuture(Optional.of(GatewayReply.of(429,
                        "Rate limit is exceeded. Try again in " + wait + " seconds.", headers)));
            }
            windows.add(key, 1);
            if (remainingHeader != null) {
                ctx.responseHeaders().set(remainingHeader, Long.toString(calls - windows.used(key)));
            }
        }
        return Future.succeededFuture(Optional.empty());
    }
}
