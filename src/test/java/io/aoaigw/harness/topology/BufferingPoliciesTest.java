package io.aoaigw.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BufferingPoliciesTest {
    @Test
    void validateContentCountsOnlyOnTheResponse() {
        assertThat(BufferingPolicies.in("<policies><inbound><validate-content unspecified-content-type-action="
                + "\"prevent\" max-size=\"1024\" size-exceeded-action=\"prevent\" /></inbound><outbound /></policies>"))
                .isEmpty();
        assertThat(BufferingPolicies.in("<policies><inbound /><outbound><base /><validate-content "
                + "unspecified-content-type-action=\"ignore\" max-size=\"1024\" size-exceeded-action=\"ignore\" />"
                + "</outbound></policies>")).containsExactly(BufferingPolicies.Finding.VALIDATE_CONTENT_ON_RESPONSE);
    }

    @Test
    void responseCachingIsFoundByEitherHalf() {
        assertThat(BufferingPolicies.in("<policies><inbound><cache-lookup vary-by-developer=\"false\" "
                + "vary-by-developer-groups=\"false\" /></inbound></policies>"))
                .containsExactly(BufferingPolicies.Finding.RESPONSE_CACHE);
        assertThat(BufferingPolicies.in("<policies><outbound><cache-store duration=\"60\" /></outbound></policies>"))
                .containsExactly(BufferingPolicies.Finding.RESPONSE_CACHE);
    }

    @Test
    void textThatIsNotXmlIsSearchedAsText() {
        assertThat(BufferingPolicies.in("<policies><outbound><validate-content a=\"@(x < 1)\" /></outbound>"))
                .containsExactly(BufferingPolicies.Finding.VALIDATE_CONTENT_ON_RESPONSE);
        assertThat(BufferingPolicies.in(null)).isEmpty();
        assertThat(BufferingPolicies.in("<policies><inbound><base /></inbound></policies>")).isEmpty();
    }
}
