package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code azure-openai-token-limit counter-key=".." tokens-per-minute=".." estimate-prompt-tokens="true|false"} with
 * the optional header and variable names of the policy reference. Admission: with an estimate (asked for, or always
 * for {@code "stream": true}) the request is refused when the minute's usage plus the prompt estimate exceeds the
 * limit; without one only once the usage already reached it. Refusals are 429 "Token limit is exceeded. Try again in
 * N seconds." with {@code Retry-After} (renamable). Afterwards the usage is corrected to what the answer consumed,
 * and so is the tokens-consumed variable; the tokens-consumed header is written by {@link TokenUsageTap}.
 */
final class AzureOpenAiTokenLimit implements InboundPolicy {
    private final PolicyExpression counterKey;
    private final int tokensPerMinute;
    private final boolean estimatePrompt;
    private final String retryAfterHeader;
    private final String remainingHeader;
    private final String consumedHeader;
    private final String retryAfterVariable;
    private final String remainingVariable;
    private final String consumedVariable;
    private final FixedWindows windows;

    AzureOpenAiTokenLimit(Attributes a, LongSupplier clock) {
        this.counterKey = a.expression("counter-key");
        this.tokensPerMinute = a.requiredInt("tokens-per-minute");
        this.estimatePrompt = Boolean.parseBoolean(a.required("estimate-prompt-tokens").trim());
        this.retryAfterHeader = a.optional("retry-after-header-name", "Retry-After");
        this.remainingHeader = a.optional("remaining-tokens-header-name", null);
        this.consumedHeader = a.optional("tokens-consumed-header-name", null);
        this.retryAfterVariable = a.optional("retry-after-variable-name", null);
        this.remainingVariable = a.optional("remaining-tokens-variable-name", null);
        this.consumedVariable = a.optional("tokens-consumed-variable-name", null);
        this.windows = new FixedWindows(60_000, clock);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        String key = counterKey.evaluate(ctx);
        long estimate = estimatePrompt || ctx.streaming() ? TokenEstimator.promptTokens(ctx.requestJson()) : 0;
        long remaining;
        synchronized (windows) {
            long used = windows.used(key);
            boolean over = estimate > 0 ? used + estimate > tokensPerMinute : used >= tokensPerMinute;
            if (over) {
                return Future.succeededFuture(Optional.of(refusal(ctx, key, used)));
            }
            windows.add(key, estimate);
            remaining = Math.max(0, tokensPerMinute - windows.used(key));
        }
        putIfNamed(ctx.variables(), remainingVariable, remaining);
        putIfNamed(ctx.variables(), consumedVariable, estimate);
        if (remainingHeader != null) {
            ctx.responseHeaders().set(remainingHeader, Long.toString(remaining));
        }
        Map<String, Object> variables = ctx.variables();
        ctx.observe(new TokenUsageTap(estimate, consumed -> {
            windows.add(key, consumed - estimate);
            putIfNamed(variables, consumedVariable, consumed);
        }, consumedHeader));
        return Future.succeededFuture(Optional.empty());
    }

    private GatewayReply refusal(PolicyContext ctx, String key, long used) {
        long wait = windows.secondsUntilRenewal(key);
        putIfNamed(ctx.variables(), retryAfterVariable, wait);
        Map<String, String> headers = new HashMap<>();
        headers.put(retryAfterHeader, Long.toString(wait));
        if (remainingHeader != null) {
            headers.put(remainingHeader, Long.toString(Math.max(0, tokensPerMinute - used)));
        }
        return GatewayReply.of(429, "Token limit is exceeded. Try again in " + wait + " seconds.", headers);
    }

    private static void putIfNamed(Map<String, Object> variables, String name, long value) {
        if (name != null) {
            variables.put(name, value);
        }
    }
}
