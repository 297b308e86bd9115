package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.host.LoopbackGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the API's {@code serviceUrl} (or a {@code set-backend-service base-url}) into a concrete backend URL:
 * {@code ${frontDoor}} is the Front Door endpoint, {@code ${account:NAME}} that account's endpoint. What remains
 * unresolvable (the import's literal {@code {endpoint}}, an unknown account, a host that is not loopback) is
 * reported, never looked up: APIM would fail to resolve such a host, and the emulator must not leave loopback.
 */
final class ServiceUrlResolver {
    private static final Pattern ACCOUNT = Pattern.compile("\\$\\{account:([^}]+)}");

    /** Either {@code url} or {@code problem} is set. */
    record Resolution(URI url, String problem) {
        static Resolution failed(String problem) {
            return new Resolution(null, problem);
        }
    }

    private final URI frontDoorUrl;
    private final Map<String, URI> accountUrls;

    ServiceUrlResolver(ApimBackends backends) {
        this.frontDoorUrl = backends.frontDoorUrl();
        this.accountUrls = backends.accountUrls();
    }

    Resolution resolve(String template) {
        String text = template.trim();
        if (text.contains("${frontDoor}")) {
            if (frontDoorUrl == null) {
                return Resolution.failed("serviceUrl uses ${frontDoor} but no Front Door endpoint is running");
            }
            text = text.replace("${frontDoor}", withoutTrailingSlash(frontDoorUrl));
        }
        Matcher m = ACCOUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            URI account = accountUrls.get(m.group(1));
            if (account == null) {
                return Resolution.failed("serviceUrl names account '" + m.group(1) + "' which is not running");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(withoutTrailingSlash(account)));
        }
        m.appendTail(out);
        return concrete(out.toString());
    }

    private static Resolution concrete(String text) {
        if (text.contains("{") || text.contains("}")) {
            return Resolution.failed("backend host of '" + text + "' cannot be resolved (unresolved placeholder)");
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !LoopbackGuard.isLoopbackHost(uri.getHost())) {
                return Resolution.failed("backend host of '" + text + "' cannot be resolved from the emulator"
                        + " (only loopback hosts are reachable)");
            }
            return new Resolution(uri, null);
        } catch (URISyntaxException e) {
            return Resolution.failed("backend URL '" + text + "' is malformed");
        }
    }

    private static String withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
