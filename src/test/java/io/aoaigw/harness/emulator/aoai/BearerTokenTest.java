package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft Entra bearer tokens: validated through the seam, then authorised by the topology's role assignments. */
class BearerTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = RunningAccount.chatPath("gpt-4o");
    private static final String HELLO = RunningAccount.chatBody("Hello.", "");
    private static RunningAccount account;

    @BeforeAll
    static void start() {
        account = RunningAccount.start(TestAccounts.account());
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void tokenOfAPrincipalWithTheOpenAiUserRoleIsServedAndRecordedAsBearer() {
        HttpResponse<String> response = account.post(CHAT, HELLO,
                "Authorization", "Bearer " + TestAccounts.TOKEN_WITH_ROLE);

        assertThat(response.statusCode()).isEqualTo(200);
        RequestRecord record = record(response);
        assertThat(record.authKind()).isEqualTo(RequestRecord.AuthKind.BEARER);
        assertThat(record.objectId()).isEqualTo(TestAccounts.OID_WITH_ROLE);
        assertThat(record.carriedAuthorization()).isTrue();
        assertThat(record.carriedApiKey()).isFalse();
        assertThat(record.presentHeaders()).containsExactly("authorization");
        assertThat(record.toString()).doesNotContain(TestAccounts.TOKEN_WITH_ROLE);
    }

    @Test
    void tokenOfAPrincipalWithoutAnInferenceRoleIsPermissionDenied() throws Exception {
        HttpResponse<String> response = account.post(CHAT, HELLO,
                "Authorization", "Bearer " + TestAccounts.TOKEN_WITHOUT_ROLE);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("PermissionDenied");
        assertThat(error.get("message").asText()).isEqualTo("Principal does not have access to API/Operation.");
        assertThat(record(response).objectId()).isEqualTo(TestAccounts.OID_WITHOUT_ROLE);
    }

    @Test
    void expiredOrMalformedTokensAreUnauthorizedWithThePlatformsTokenMessage() throws Exception {
        for (String token : new String[] {TestAccounts.TOKEN_EXPIRED, "not-a-jwt"}) {
            HttpResponse<String> response = account.post(CHAT, HELLO, "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("message").asText())
                    .startsWith("Unauthorized. Access token is missing, invalid, audience is incorrect");
        }
    }

    @Test
    void authorizationWithoutTheBearerSchemeIsUnauthorized() {
        HttpResponse<String> response = account.post(CHAT, HELLO, "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void permissionDeniedStatusIsASetting() {
        try (RunningAccount strict = RunningAccount.start(TestAccounts.account(),
                EmulatorSettings.DEFAULTS.withPermissionDeniedStatus(403))) {
            HttpResponse<String> response = strict.post(CHAT, HELLO,
                    "Authorization", "Bearer " + TestAccounts.TOKEN_WITHOUT_ROLE);

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    private static RequestRecord record(HttpResponse<String> response) {
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        return account.emulator.groundTruth().find(id).orElseThrow();
    }
}
