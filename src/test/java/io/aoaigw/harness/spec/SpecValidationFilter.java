package io.aoaigw.harness.spec;

import io.restassured.filter.OrderedFilter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;

/**
 * Opt-in RestAssured filter ({@code -Dharness.validateSpec=true}): every answer to an inference operation of the
 * spec is validated against its response schema in the 2024-10-21 inference spec; a violation fails the call with
 * one message listing the problems, so a real deployment's answers can be checked against the spec too. Calls to
 * paths the spec does not have (ARM, probes, admin) pass through unchecked.
 */
public final class SpecValidationFilter implements OrderedFilter {
    public static final String PROPERTY = "harness.validateSpec";

    private final InferenceSpec spec = InferenceSpec.get();

    /** Whether the system property asks for validation (Surefire passes it from {@code -D}). */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, "false").strip());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (!"POST".equalsIgnoreCase(request.getMethod()) || !spec.covers(path)) {
            return response;
        }
        List<String> problems = spec.validate(path, response.statusCode(), response.contentType(),
                response.asString());
        if (!problems.isEmpty()) {
            throw new AssertionError("answer to POST " + path + " does not match the inference spec "
                    + "2024-10-21: " + String.join("; ", problems));
        }
        return response;
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE - 2;
    }
}
