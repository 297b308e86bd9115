package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.contract.RedactingAllureFilter;
import io.aoaigw.harness.contract.TargetFilter;
import io.aoaigw.harness.spec.SpecValidationFilter;
import io.aoaigw.harness.target.Lazy;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The target's gateway for the checks: shared RestAssured specifications (base URI, JSON, the budget and call-log
 * filter, the redacting Allure filter; RestAssured's static globals are never touched), request bodies, the raw
 * stream reader and the official SDK.
 */
public final class Gateway {
    /** The inference API version the checks call (the spec version S2 imports). */
    public static final String API_VERSION = "2024-10-21";
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    /** One per target, so the specifications are built once per run. */
    private static final Map<ResolvedTarget, Gateway> BY_TARGET = Collections.synchronizedMap(new WeakHashMap<>());

    private final ResolvedTarget target;
    private final Lazy<RequestSpecification> anonymous;
    private final Lazy<RequestSpecification> keyed;
    private final Lazy<RequestSpecification> asSdk;

    /** The target's gateway clients. */
    public static Gateway of(ResolvedTarget target) {
        return BY_TARGET.computeIfAbsent(target, Gateway::new);
    }

    private Gateway(ResolvedTarget target) {
        this.target = target;
        // nothing is read here (the key header may come from ARM): suites build their Gateway before any check runs
        this.anonymous = new Lazy<>(() -> builder().build());
        this.keyed = new Lazy<>(() -> builder().addHeader(target.keys().header(), target.keys().active()).build());
        // An Azure OpenAI SDK always sends its key as api-key; when the API's key header is another one, users add
        // that header too, and the api-key then travels through APIM as an ordinary header.
        this.asSdk = new Lazy<>(() -> target.keys().header().equalsIgnoreCase("api-key") ? keyed.get()
                : builder().addHeader(target.keys().header(), target.keys().active())
                        .addHeader("api-key", target.keys().active()).build());
    }

    private RequestSpecBuilder builder() {
        List<String> hidden = List.of("Authorization", "api-key", "Ocp-Apim-Subscription-Key", target.keys().header());
        RequestSpecBuilder builder = new RequestSpecBuilder();
        if (SpecValidationFilter.enabled()) {
            builder.addFilter(new SpecValidationFilter());
        }
        return builder
                .setBaseUri(target.gatewayUrl())
                .setContentType(ContentType.JSON)
                .setConfig(target.trust().map(t -> RestAssuredConfig.config()
                                .sslConfig(SSLConfig.sslConfig().trustStore(t.keyStore())))
                        .orElseGet(RestAssuredConfig::config)
                        .logConfig(LogConfig.logConfig().blacklistHeaders(hidden))
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .setParam("http.connection.timeout", CONNECT_TIMEOUT_MS)
                                .setParam("http.socket.timeout", READ_TIMEOUT_MS)))
                .addFilter(new TargetFilter(target.budget(), target.calls()))
                .addFilter(new RedactingAllureFilter(target.redactor(), hidden));
    }

    /** Requests without a key. */
    public RequestSpecification anonymous() {
        return anonymous.get();
    }

    /** Requests with the active subscription's key in the API's key header. */
    public RequestSpecification keyed() {
        return keyed.get();
    }

    /** Requests keyed as an Azure OpenAI SDK sends them: {@code api-key}, plus the API's key header if different. */
    public RequestSpecification asSdk() {
        return asSdk.get();
    }

    /** {@code /openai/deployments/{chat deployment}/chat/completions}: the path SDKs build. */
    public String chatPath() {
        return chatPath("openai");
    }

    /**
     * The chat operation at the API's own suffix as ARM reports it ("openai" when ARM cannot say): checks of other
     * steps keep working when the suffix is wrong, which only S3 should report.
     */
    public String apiChatPath() {
        String suffix;
        try {
            suffix = target.arm().api().path();
        } catch (AssertionError | RuntimeException e) {
            suffix = "openai";
        }
        return chatPath(suffix == null ? "openai" : suffix);
    }

    /** The chat operation under a given suffix. */
    public String chatPath(String suffix) {
        return (suffix.isEmpty() ? "" : "/" + suffix) + "/deployments/" + target.chatDeployment()
                + "/chat/completions";
    }

    /** A short chat; streamed with usage when asked. */
    public static String chatBody(int maxTokens, boolean stream) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Contract check through the gateway.\"}],"
                + "\"max_tokens\":" + maxTokens
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    /** A streamed chat read frame by frame with the JDK client, timing the first content frame and the end. */
    public RawStream.Result stream(int maxTokens) {
        return new RawStream(target).send(apiChatPath(), chatBody(maxTokens, true));
    }

    /** The official SDK (openai-java, Azure mode) against the gateway. */
    public SdkChat sdk() {
        return new SdkChat(target);
    }
}
