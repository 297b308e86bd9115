package io.aoaigw.harness.testsupport;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.http.HttpClientOptions;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Test clients (RestAssured, JDK, Vert.x, openai-java) that trust an embedded topology's certificate and nothing
 * more; host names are verified. JVM-wide defaults and RestAssured's static globals stay untouched.
 */
public final class TrustedClients {
    private TrustedClients() {
    }

    /** RestAssured configuration trusting the run's certificate. */
    public static RestAssuredConfig restAssured(TrustMaterial trust) {
        return RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig().trustStore(trust.keyStore()));
    }

    /** A request specification for {@code baseUri}, trusting the embedded topology. */
    public static RequestSpecification spec(EmbeddedTopology embedded, String baseUri) {
        return new RequestSpecBuilder().setBaseUri(baseUri).setConfig(restAssured(embedded.trust())).build();
    }

    /** A JDK client trusting the run's certificate. */
    public static HttpClient jdk(TrustMaterial trust) {
        return jdkBuilder(trust).build();
    }

    public static HttpClient.Builder jdkBuilder(TrustMaterial trust) {
        return HttpClient.newBuilder().sslContext(trust.sslContext()).connectTimeout(Duration.ofSeconds(5));
    }

    /** Vert.x client options trusting the run's certificate (TLS per request, by the URL's scheme). */
    public static HttpClientOptions vertx(TrustMaterial trust) {
        return new HttpClientOptions().setVerifyHost(true).setTrustOptions(trust.vertxTrustOptions());
    }

    /** openai-java's OkHttp client builder trusting the run's certificate. */
    public static OpenAIOkHttpClient.Builder openAi(TrustMaterial trust) {
        return OpenAIOkHttpClient.builder().sslSocketFactory(trust.sslContext().getSocketFactory())
                .trustManager(trust.x509TrustManager());
    }
}
