package io.aoaigw.harness.contract.support;

import io.restassured.response.Response;

/**
 * Says which part of the chain a failed answer came from, so that a behavioural check pointing at a configuration
 * mistake names the step whose checks locate it: APIM's own refusals, Azure OpenAI's, Front Door's.
 */
public final class GatewayAnswers {
    private GatewayAnswers() {
    }

    public static String explain(Response r) {
        return explain(r.statusCode(), r.getBody().asString(), r.getHeader("x-ms-region"));
    }

    public static String explain(int status, String body, String region) {
        String from = region == null ? "" : " (account in region " + region + ")";
        String text = body == null ? "" : body;
        if (isApimKeyRefusal(status, text)) {
            return status + " from APIM's subscription check: " + firstLine(text) + " (see S7)";
        }
        if (text.contains("PermissionDenied") || text.contains("lacks the required data action")) {
            return status + " from Azure OpenAI" + from + ": APIM's identity has no data-plane role there (see S4)";
        }
        if (text.contains("Access token is missing") || text.contains("audience is incorrect")) {
            return status + " from Azure OpenAI" + from
                    + ": no bearer token for https://cognitiveservices.azure.com reached it (see S5)";
        }
        if (text.contains("wrong API endpoint")) {
            return status + " from Azure OpenAI" + from + ": it was sent an api-key, not APIM's token (see S5)";
        }
        if (text.contains("DeploymentNotFound")) {
            return status + " from Azure OpenAI" + from + ": the deployment is missing there (see S10)";
        }
        if (status == 404) {
            return "404 from APIM: no API operation at this path (see S2, S3)";
        }
        if (status == 500 && region == null) {
            return "500 from APIM: it could not call its backend (identity off, serviceUrl unresolvable or a policy"
                    + " error: see S3, S4, S5)";
        }
        if ((status == 502 || status == 503 || status == 504) && region == null) {
            return status + " from Front Door: no origin answered (see S9)";
        }
        return status + from + ": " + firstLine(text);
    }

    /** APIM's own 401/403 about the subscription key ({"statusCode":401,"message":"Access denied due to …"}). */
    public static boolean isApimKeyRefusal(int status, String body) {
        return (status == 401 || status == 403) && body != null && body.contains("\"statusCode\"")
                && body.contains("subscription key");
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
