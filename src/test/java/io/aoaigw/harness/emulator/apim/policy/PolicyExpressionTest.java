package io.aoaigw.harness.emulator.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class PolicyExpressionTest {
    private final PolicyContext ctx = new PolicyContext("ChatCompletions_Create", "smoke", "127.0.0.1",
            MultiMap.caseInsensitiveMultiMap(), Buffer.buffer());

    @Test
    void literalsAndSupportedTermsEvaluate() {
        ctx.variables().put("msi-access-token", "t0k");

        assertThat(PolicyExpression.parse("plain").evaluate(ctx)).isEqualTo("plain");
        assertThat(PolicyExpression.parse("@(context.Subscription.Id)").evaluate(ctx)).isEqualTo("smoke");
        assertThat(PolicyExpression.parse("@(context.Request.IpAddress + \"-\" + context.Operation.Id)")
                .evaluate(ctx)).isEqualTo("127.0.0.1-ChatCompletions_Create");
        assertThat(PolicyExpression.parse("@(\"Bearer \" + (string)context.Variables[\"msi-access-token\"])")
                .evaluate(ctx)).isEqualTo("Bearer t0k");
    }

    @Test
    void missingValuesFailAtEvaluationAndUnknownTermsAtParse() {
        PolicyContext anonymous = new PolicyContext("op", null, "127.0.0.1", MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer());

        assertThatThrownBy(() -> PolicyExpression.parse("@(context.Subscription.Id)").evaluate(anonymous))
                .isInstanceOf(PolicyExpression.EvaluationException.class);
        assertThatThrownBy(() -> PolicyExpression.parse("@(context.User.Email)"))
                .hasMessageContaining("unsupported policy expression");
        assertThatThrownBy(() -> PolicyExpression.parse("@{ return 1; }"))
                .hasMessageContaining("unsupported policy expression");
    }
}
