package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.emulator.monitor.MetricsSource;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime facts ARM shows that the topology YAML lacks: where the other emulated components listen. Resource
 * properties that are URLs in Azure ({@code gatewayUrl}, an endpoint's {@code hostName}, an account's
 * {@code endpoint}) are served from here, and the API's {@code serviceUrl} placeholders resolve to these URLs,
 * the very ones the APIM emulator forwards to.
 *
 * @param apimGatewayUrl       e.g. {@code http://127.0.0.1:PORT}; null when no APIM runs
 * @param frontDoorEndpointUrl e.g. {@code https://127.0.0.1:PORT}; null when no Front Door runs
 * @param accountEndpoints     account name → endpoint URL, e.g. {@code https://127.0.0.1:PORT}
 * @param metrics              the platform metrics Azure Monitor serves for the running resources
 */
public record ArmView(String apimGatewayUrl, String frontDoorEndpointUrl, Map<String, String> accountEndpoints,
                      MetricsSource metrics) {
    private static final Pattern ACCOUNT = Pattern.compile("\\$\\{account:([^}]+)}");

    public ArmView {
        accountEndpoints = accountEndpoints == null ? Map.of() : Map.copyOf(accountEndpoints);
        metrics = metrics == null ? MetricsSource.NONE : metrics;
    }

    /** Without metrics. */
    public ArmView(String apimGatewayUrl, String frontDoorEndpointUrl, Map<String, String> accountEndpoints) {
        this(apimGatewayUrl, frontDoorEndpointUrl, accountEndpoints, MetricsSource.NONE);
    }

    /**
     * An endpoint's {@code hostName}: the URL's authority. On loopback every listener shares 127.0.0.1, so the port
     * is part of the name; Azure's names ({@code x.azurefd.net}) need none.
     */
    public static String hostNameOf(String url) {
        return url == null ? null : URI.create(url).getAuthority();
    }

    /** The account's endpoint as ARM writes it, with a trailing slash; null when the account is not running. */
    public String accountEndpoint(String accountName) {
        String url = accountEndpoints.get(accountName);
        return url == null ? null : withoutTrailingSlash(url) + "/";
    }

    /**
     * The API's {@code serviceUrl} as ARM shows it: {@code ${frontDoor}} and {@code ${account:NAME}} replaced by the
     * running endpoints (the URLs APIM forwards to); a placeholder without a running endpoint, or the import's
     * literal {@code {endpoint}}, is left as it is, as a misconfigured API shows it.
     */
    public String resolveServiceUrl(String template) {
        String text = template.trim();
        if (frontDoorEndpointUrl != null) {
            text = text.replace("${frontDoor}", withoutTrailingSlash(frontDoorEndpointUrl));
        }
        Matcher m = ACCOUNT.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(accountEndpoints.containsKey(r.group(1))
                ? withoutTrailingSlash(accountEndpoints.get(r.group(1))) : r.group()));
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
