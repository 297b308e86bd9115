package io.aoaigw.harness.emulator.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** set-query-parameter on the query the gateway forwards: each exists-action, and the client's encoding kept. */
class SetQueryParameterTest {
    private final PolicyParser parser = new PolicyParser(null, System::currentTimeMillis);

    private String forwarded(String policies, String clientQuery) {
        PolicyDocument doc = parser.parse("<policies><inbound><base/>" + policies + "</inbound>"
                + "<outbound><base/></outbound></policies>");
        PolicyContext ctx = new PolicyContext("op", "smoke", "127.0.0.1", MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer());
        ctx.query().addRaw(clientQuery);
        doc.inbound().forEach(p -> p.apply(ctx));
        return ctx.query().toQueryString();
    }

    @Test
    void deleteRemovesEveryValueAndKeepsTheRestAsSent() {
        assertThat(forwarded("<set-query-parameter name=\"subscription-key\" exists-action=\"delete\" />",
                "api-version=2024-10-21&subscription-key=k1&x=a%20b&subscription-key=k2"))
                .isEqualTo("?api-version=2024-10-21&x=a%20b");
        assertThat(forwarded("<set-query-parameter name=\"subscription-key\" exists-action=\"delete\" />",
                "subscription-key=k1")).isEmpty();
    }

    @Test
    void overrideSkipAndAppendFollowApimsExistsAction() {
        String value = "<value>v 2</value>";
        assertThat(forwarded("<set-query-parameter name=\"x\">" + value + "</set-query-parameter>", "x=1&y=2"))
                .isEqualTo("?y=2&x=v+2");
        assertThat(forwarded("<set-query-parameter name=\"x\" exists-action=\"skip\">" + value
                + "</set-query-parameter>", "x=1")).isEqualTo("?x=1");
        assertThat(forwarded("<set-query-parameter name=\"x\" exists-action=\"append\">" + value
                + "</set-query-parameter>", "x=1")).isEqualTo("?x=1&x=v+2");
    }

    @Test
    void anExistsActionApimDoesNotKnowIsReported() {
        PolicyDocument doc = parser.parse("<policies><inbound><base/><set-query-parameter name=\"x\" "
                + "exists-action=\"replace\" /></inbound><outbound><base/></outbound></policies>");

        assertThat(doc.unsupported()).extracting(UnsupportedPolicyElement::reason)
                .anySatisfy(r -> assertThat(r).contains("exists-action 'replace' is not one of APIM's"));
    }
}
