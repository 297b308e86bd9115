package io.aoaigw.harness.contract;

import io.aoaigw.harness.secrets.Redactor;
import io.qameta.allure.Allure;
import io.qameta.allure.attachment.AttachmentData;
import io.qameta.allure.attachment.AttachmentRenderer;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Allure request/response attachments for RestAssured with every secret removed. allure-rest-assured 2.35.3's
 * {@code AllureRestAssured} hides the headers of RestAssured's {@code LogConfig} blacklist, but attaches the URL as
 * sent, so a key in the {@code subscription-key} query parameter would land in the report (see
 * {@code RedactingAllureFilterTest}). This filter hides the named headers, and runs the URL, every header value and
 * both bodies through the target's {@link Redactor} (known keys, JWTs, key-carrying parameters).
 */
public final class RedactingAllureFilter implements OrderedFilter {
    private static final int MAX_BODY = 16 * 1024;

    /** Where attachments go: Allure's current test by default, a list in tests. */
    @FunctionalInterface
    public interface Sink {
        void attach(AttachmentData data, AttachmentRenderer<AttachmentData> renderer);
    }

    private final Redactor redactor;
    private final Set<String> hiddenHeaders;
    private final Sink sink;

    public RedactingAllureFilter(Redactor redactor, Collection<String> hiddenHeaders, Sink sink) {
        this.redactor = redactor;
        this.hiddenHeaders = hiddenHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.sink = sink;
    }

    public RedactingAllureFilter(Redactor redactor, Collection<String> hiddenHeaders) {
        this(redactor, hiddenHeaders, RedactingAllureFilter::toCurrentTest);
    }

    private static void toCurrentTest(AttachmentData data, AttachmentRenderer<AttachmentData> renderer) {
        if (Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent()) {
            new DefaultAttachmentProcessor().addAttachment(data, renderer);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        String url = redactor.redact(request.getURI());
        HttpRequestAttachment.Builder sent = HttpRequestAttachment.Builder.create("Request " + request.getMethod()
                        + " " + request.getDerivedPath(), url)
                .setMethod(request.getMethod())
                .setHeaders(headers(request.getHeaders()));
        if (request.getBody() != null) {
            sent.setBody(body(String.valueOf((Object) request.getBody())));
        }
        sink.attach(sent.build(), new FreemarkerAttachmentRenderer("http-request.ftl"));
        Response response = context.next(request, responseSpec);
        sink.attach(HttpResponseAttachment.Builder.create("Response " + response.getStatusCode())
                .setUrl(url)
                .setResponseCode(response.getStatusCode())
                .setHeaders(headers(response.getHeaders()))
                .setBody(body(response.getBody().asString()))
                .build(), new FreemarkerAttachmentRenderer("http-response.ftl"));
        return response;
    }

    private Map<String, String> headers(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach(h -> out.put(h.getName(), hiddenHeaders.contains(h.getName().toLowerCase(Locale.ROOT))
                ? Redactor.MASK : redactor.redact(h.getValue())));
        return out;
    }

    private String body(String text) {
        String redacted = redactor.redact(text);
        return redacted.length() <= MAX_BODY ? redacted : redacted.substring(0, MAX_BODY) + "\n… (truncated)";
    }

    /** Last, so that it attaches the request as finally sent. */
    @Override
    public int getOrder() {
        return Integer.MAX_VALUE;
    }
}
