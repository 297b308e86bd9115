package io.aoaigw.harness.emulator.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyParserTest {
    private final PolicyParser parser = new PolicyParser(null, System::currentTimeMillis);

    private PolicyDocument parse(String inbound, String backend) {
        return parser.parse("<policies><inbound><base/>" + inbound + "</inbound>" + backend
                + "<outbound><base/></outbound><on-error><base/></on-error></policies>");
    }

    @Test
    void unknownElementIsReportedAndKeptInItsPlaceAsANoOp() {
        PolicyDocument doc = parse("<validate-jwt header-name=\"Authorization\"/><set-header name=\"x-a\">"
                + "<value>1</value></set-header>", "");

        assertThat(doc.unsupported()).containsExactly(new UnsupportedPolicyElement("inbound", "validate-jwt",
                "unknown policy element (or not allowed in inbound)"));
        assertThat(doc.inbound()).hasSize(2);
        assertThat(doc.inbound().get(0)).isInstanceOf(UnsupportedPolicy.class);
        assertThat(doc.inbound().get(1)).isInstanceOf(SetHeader.class);
    }

    @Test
    void unsupportedExpressionAndAttributeAreReported() {
        PolicyDocument doc = parse("<rate-limit-by-key calls=\"5\" renewal-period=\"60\""
                + " counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;))\" />"
                + "<rate-limit-by-key calls=\"5\" renewal-period=\"60\" counter-key=\"k\" increment-condition=\"@(true)\"/>",
                "");

        assertThat(doc.unsupported()).extracting(UnsupportedPolicyElement::reason).containsExactly(
                "unsupported policy expression: @(context.Request.Headers.GetValueOrDefault(\"x\"))",
                "attribute 'increment-condition' is not supported (ignored)");
    }

    @Test
    void onErrorElementsAreReportedBecauseTheSectionIsNotExecuted() {
        PolicyDocument doc = parser.parse("<policies><inbound/><on-error><base/><set-header name=\"a\">"
                + "<value>b</value></set-header></on-error></policies>");

        assertThat(doc.unsupported()).extracting(UnsupportedPolicyElement::section, UnsupportedPolicyElement::element)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("on-error", "set-header"));
    }

    @Test
    void backendDefaultsAreApimsBufferedThreeHundredSeconds() {
        assertThat(parse("", "").forward()).isEqualTo(ForwardRequest.DEFAULT);
        assertThat(parse("", "<backend><base/></backend>").forward()).isEqualTo(ForwardRequest.DEFAULT);
        assertThat(ForwardRequest.DEFAULT).isEqualTo(new ForwardRequest(true, Duration.ofSeconds(300)));
        assertThat(parse("", "<backend><forward-request buffer-response=\"false\" timeout=\"60\"/></backend>")
                .forward()).isEqualTo(new ForwardRequest(false, Duration.ofSeconds(60)));
    }

    @Test
    void backendSectionWithoutForwardRequestForwardsNothing() {
        assertThat(parse("", "<backend></backend>").forward()).isNull();
    }

    @Test
    void outboundRestrictedElementsAreNotAcceptedInOutbound() {
        PolicyDocument doc = parser.parse("<policies><outbound><rate-limit-by-key calls=\"1\" renewal-period=\"1\""
                + " counter-key=\"k\"/></outbound></policies>");

        assertThat(doc.unsupported()).extracting(UnsupportedPolicyElement::section).containsExactly("outbound");
    }

    @Test
    void documentsThatAreNotPoliciesAreRefused() {
        assertThatThrownBy(() -> parser.parse("<policies><inbound>")).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parser.parse("<policy/>")).hasMessageContaining("<policies>");
        assertThatThrownBy(() -> parser.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><policies/>"))
                .hasMessageContaining("not well-formed");
    }
}
