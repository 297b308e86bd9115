package io.aoaigw.harness.load;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which layer sent an answer from its status, headers and the first few hundred characters of its body; the
 * shapes are those of docs/capacity.md. The order matters: an account's answer passes Front Door and APIM and
 * keeps {@code x-ms-region}; APIM's own answers are {@code {"statusCode":…,"message":…}} without it (and, were Front
 * Door in front of APIM, would gain an {@code X-Azure-Ref}); Front Door's own page is HTML with {@code X-Azure-Ref}.
 */
public final class ResponseLayer {
    /** How much of a body is enough to tell (and all a caller needs to keep). */
    public static final int BODY_PREFIX = 512;
    /** A provisioned (PTU) deployment's utilisation; on a 429 it means the utilisation was full. */
    private static final String UTILIZATION = "azure-openai-deployment-utilization";
    private static final Pattern APIM_SHAPE = Pattern.compile("^\\s*\\{\\s*\"statusCode\"\\s*:\\s*\\d+");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)");
    private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\\{.*?\"code\"\\s*:\\s*\"([^\"]*)\"",
            Pattern.DOTALL);
    private static final Pattern ERROR_INFO = Pattern.compile("ErrorInfo:\\s*([A-Za-z]+)");

    private ResponseLayer() {
    }

    /**
     * @param header a case-insensitive header lookup, null when absent
     * @param body   the body or a prefix of it; null or empty when not kept
     */
    public static Attribution of(int status, Function<String, String> header, String body) {
        String text = body == null ? "" : body;
        OptionalLong advice = RetryAdvice.millis(header.apply("retry-after-ms"), header.apply("retry-after"));
        String region = header.apply("x-ms-region");
        if (region != null && !region.isBlank()) {
            String cause = status == 429 && header.apply(UTILIZATION) != null ? "utilization"
                    : accountCause(status, header.apply("policy-id"), text);
            return new Attribution(Layer.ACCOUNT, cause, region, advice);
        }
        if (APIM_SHAPE.matcher(text).find()) {
            return new Attribution(Layer.APIM, apimCause(status, message(text)), null, advice);
        }
        String type = header.apply("content-type");
        boolean html = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        if (header.apply("x-azure-ref") != null && (html || text.isBlank())) {
            Matcher info = ERROR_INFO.matcher(text);
            return new Attribution(Layer.FRONT_DOOR, info.find() ? info.group(1) : String.valueOf(status), null,
                    advice);
        }
        return new Attribution(Layer.UNKNOWN, String.valueOf(status), null, advice);
    }

    /** Which limit (Azure's {@code policy-id}, else the message's wording) or which error code. */
    private static String accountCause(int status, String policyId, String body) {
        if (status == 429) {
            if (policyId != null && policyId.endsWith("-Token") || body.contains("token rate limit")) {
                return "tokenRate";
            }
            if (policyId != null && policyId.endsWith("-Request") || body.contains("call rate limit")) {
                return "requestRate";
            }
            return "throttled";
        }
        Matcher code = ERROR_CODE.matcher(body);
        return code.find() ? code.group(1) : String.valueOf(status);
    }

    /** The policy or check that answered, from the message APIM's documentation gives for it. */
    private static String apimCause(int status, String message) {
        if (message.startsWith("Rate limit is exceeded")) {
            return "rate-limit-by-key";
        }
        if (message.startsWith("Token limit is exceeded")) {
            return "azure-openai-token-limit";
        }
        if (message.startsWith("Out of call volume quota") || message.startsWith("Out of bandwidth quota")) {
            return "quota-by-key";
        }
        if (status == 403) {
            // both quota-by-key and azure-openai-token-limit's token quota answer 403 (wording of the latter unknown)
            return "quota";
        }
        if (message.startsWith("Access denied")) {
            return "subscription-key";
        }
        if (status == 404) {
            return "not-found";
        }
        return status >= 500 ? "gateway-error" : String.valueOf(status);
    }

    private static String message(String body) {
        Matcher m = MESSAGE.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
