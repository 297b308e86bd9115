package io.aoaigw.harness.contract;

import io.aoaigw.harness.target.Budget;
import io.aoaigw.harness.target.CallLog;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/** Takes every RestAssured request from the run's {@link Budget} and notes it in the {@link CallLog}. */
public final class TargetFilter implements OrderedFilter {
    private final Budget budget;
    private final CallLog calls;

    public TargetFilter(Budget budget, CallLog calls) {
        this.budget = budget;
        this.calls = calls;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        budget.charge();
        calls.record(request.getMethod(), URI.create(request.getURI()));
        return context.next(request, response);
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE - 1;
    }
}
