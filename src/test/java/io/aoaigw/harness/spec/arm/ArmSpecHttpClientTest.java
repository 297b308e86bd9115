package io.aoaigw.harness.spec.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The opt-in check of Resource Manager reads fails a read whose answer breaks the spec, and only such a read. */
class ArmSpecHttpClientTest {
    private static final String ASSIGNMENT = "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/"
            + "Microsoft.Authorization/roleAssignments/a";
    private static final String CONFORMING = "{\"id\":\"/x\",\"name\":\"a\",\"type\":\"Microsoft.Authorization/roleAssignments\","
            + "\"properties\":{\"roleDefinitionId\":\"r\",\"principalId\":\"p\",\"condition\":null}}";

    private static HttpClient answering(int status, String body) {
        return new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return Mono.just(new Canned(request, status, body));
            }

            @Override
            public HttpResponse sendSync(HttpRequest request, Context context) {
                return new Canned(request, status, body);
            }
        };
    }

    private static HttpRequest get(String url) {
        return new HttpRequest(HttpMethod.GET, url);
    }

    @Test
    void aNonConformingAnswerFailsTheReadWithTheProblem() {
        HttpClient client = new ArmSpecHttpClient(answering(200, CONFORMING.replace("\"p\"", "5")), ArmSpec.lenient());

        assertThatThrownBy(() -> client.sendSync(get(ASSIGNMENT + "?api-version=2022-04-01"), Context.NONE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RoleAssignments_Get 2022-04-01 200")
                .hasMessageContaining("/properties/principalId");
        assertThatThrownBy(() -> client.send(get(ASSIGNMENT + "?api-version=2022-04-01")).block())
                .hasRootCauseInstanceOf(AssertionError.class)
                .hasMessageContaining("/properties/principalId");
    }

    @Test
    void aConformingAnswerPassesWithItsBodyStillReadable() {
        // lenient: Azure's null for an absent optional property is accepted
        HttpClient client = new ArmSpecHttpClient(answering(200, CONFORMING), ArmSpec.lenient());

        HttpResponse response = client.sendSync(get(ASSIGNMENT + "?api-version=2022-04-01"), Context.NONE);

        assertThat(response.getBodyAsString().block()).isEqualTo(CONFORMING);
    }

    @Test
    void otherRequestsAndOtherApiVersionsPassUnchecked() {
        HttpClient client = new ArmSpecHttpClient(answering(200, "not json"), ArmSpec.lenient());

        assertThat(client.sendSync(get(ASSIGNMENT + "?api-version=2018-01-01-preview"), Context.NONE).getStatusCode())
                .isEqualTo(200);
        assertThat(client.sendSync(get("https://login.example/tenant/oauth2/v2.0/token"), Context.NONE)
                .getStatusCode()).isEqualTo(200);
    }

    /** A fixed answer. */
    private static final class Canned extends HttpResponse {
        private final int status;
        private final byte[] body;

        Canned(HttpRequest request, int status, String body) {
            super(request);
            this.status = status;
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return null;
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders().set("Content-Type", "application/json");
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
