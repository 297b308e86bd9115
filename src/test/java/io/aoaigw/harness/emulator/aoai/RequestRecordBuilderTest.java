package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRecordBuilderTest {
    @Test
    void carriedCredentialsAndTheFirstContentFrameFollowFromWhatWasRecorded() {
        RequestRecord r = RequestRecord.builder("req-1")
                .request("client-1", "ChatCompletions_Create", "gpt-4o", "2024-10-21", true)
                .arrived(100)
                .answer(200, null)
                .credential(RequestRecord.AuthKind.BEARER, "oid-1", List.of("authorization", "x-azure-fdid"))
                .tokens(12, 3, "stop")
                .frames(new long[] {110, 120, 130, 140, 150}, new long[] {120, 130, 140})
                .completed(160, RequestRecord.Outcome.COMPLETED)
                .build();

        assertThat(r.carriedAuthorization()).isTrue();
        assertThat(r.carriedApiKey()).isFalse();
        assertThat(r.firstContentFrameEpochMicros()).isEqualTo(120L);
        assertThat(r.clientRequestId()).isEqualTo("client-1");
        assertThat(r.completionTokens()).isEqualTo(3);
        assertThat(r.outcome()).isEqualTo(RequestRecord.Outcome.COMPLETED);
    }

    @Test
    void anUnansweredRequestHasNoCredentialAndNoFrames() {
        RequestRecord r = RequestRecord.builder("req-2").answer(0, null)
                .completed(5, RequestRecord.Outcome.CLIENT_DISCONNECTED).build();

        assertThat(r.authKind()).isEqualTo(RequestRecord.AuthKind.NONE);
        assertThat(r.presentHeaders()).isEmpty();
        assertThat(r.firstContentFrameEpochMicros()).isNull();
        assertThat(r.contentFrameEpochMicros()).isNull();
    }
}
